import type { NewOutboxItem } from "../chat/outbox.js";
import { type Button, type ChatId, parseChatId } from "../chat/port.js";
import type { DocHeader, Recurrence } from "../dispatch/schema.js";
import type { Translate } from "../i18n.js";
import { displayDay } from "./office-day.js";
import type { AssigneeRole } from "./model.js";

/** One unit's share of a confirmed dispatch, as the task message its chat receives. */
export interface PostLine {
  assignmentId: number;
  ref: string;
  text: string;
  role: AssigneeRole;
  deadlineDate: string | null;
  recurrence: Recurrence | null;
  /** For a coordinating unit: the lead units, named in its post ("Đơn vị chủ trì: X — đơn vị phối hợp: Y"). */
  leads?: string[];
}

// Telegram allows 4,096 characters. Zalo's limit is not published: its posts stay under the 2,000 the adapter's
// reports use (ZALO_MAX_TEXT's default). Keep room for the header and footer.
const MAX_CHARS = 3500;
export const ZALO_POST_CHARS = 1800;
const MAX_ITEM_CHARS = 600;

export function docTitle(doc: DocHeader, t: Translate): string {
  return t("tracking:post.header", {
    type: doc.type ?? "Văn bản",
    number: doc.number ?? t("tracking:post.noNumber"),
    date: doc.date ? t("tracking:post.headerDate", { date: displayDay(doc.date) }) : "",
    issuer: doc.issuer ? t("tracking:post.headerIssuer", { issuer: doc.issuer }) : "",
  });
}

export function deadlineLine(deadlineDate: string | null, recurrence: Recurrence | null, t: Translate): string {
  const period = recurrence ? t(`tracking:period.${recurrence}`) : "";
  if (deadlineDate && recurrence) return t("tracking:post.deadlineRecurring", { date: displayDay(deadlineDate), period });
  if (deadlineDate) return t("tracking:post.deadline", { date: displayDay(deadlineDate) });
  if (recurrence) return t("tracking:post.recurringOnly", { period });
  return t("tracking:post.noDeadline");
}

/** One line of task text: whitespace collapsed, cut to `max` characters with "…". */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * The messages for one unit chat: header (số ký hiệu, date, issuer, trích yếu), the numbered tasks with item ref,
 * role and deadline, a footer saying how to report, and a "done" button per task. Long lists are split over
 * several messages; numbering restarts in each, because "xong 2" is read against the message replied to.
 */
export function unitPostMessages(chat: ChatId, unitName: string, doc: DocHeader, lines: PostLine[], t: Translate): NewOutboxItem[] {
  const head = [docTitle(doc, t), ...(doc.subject ? [t("tracking:post.subject", { subject: clip(doc.subject, 300) })] : []), t("tracking:post.assigned", { unit: unitName })];
  // Zalo has no buttons through zca-js: its footer says what to type, and the post carries no button hints to repeat it.
  const typed = parseChatId(chat).platform === "zalo";
  const footer = t(typed ? "tracking:post.footerZalo" : "tracking:post.footer");
  const max = typed ? ZALO_POST_CHARS : MAX_CHARS;
  const chunks: PostLine[][] = [[]];
  let size = head.join("\n").length + footer.length;
  for (const line of lines) {
    const cost = Math.min(line.text.length, MAX_ITEM_CHARS) + 80;
    if (chunks.at(-1)!.length > 0 && size + cost > max) {
      chunks.push([]);
      size = head.join("\n").length + footer.length;
    }
    chunks.at(-1)!.push(line);
    size += cost;
  }
  return chunks.map((chunk, ci) => {
    const body = chunk.flatMap((l, i) => [
      l.role === "coordinate" && l.leads?.length
        ? t("followup:post.coordinateItem", { n: i + 1, ref: l.ref, leads: l.leads.join(", "), unit: unitName, text: clip(l.text, MAX_ITEM_CHARS) })
        : t("tracking:post.item", { n: i + 1, ref: l.ref, role: t(`tracking:role.${l.role}`), text: clip(l.text, MAX_ITEM_CHARS) }),
      deadlineLine(l.deadlineDate, l.recurrence, t),
    ]);
    const buttons: Button[][] = [];
    for (let i = 0; !typed && i < chunk.length; i += 4) {
      buttons.push(chunk.slice(i, i + 4).map((l, j) => ({ label: t("tracking:post.buttonDone", { n: i + j + 1 }), data: `done:${l.assignmentId}` })));
    }
    if (!typed) buttons.push(...followUpButtons(chunk.map((l, i) => ({ position: i + 1, assignmentId: l.assignmentId })), t));
    const text = [...head, ...(ci > 0 ? [t("tracking:post.continued")] : []), ...body, "", footer].join("\n");
    return { chat, payload: { op: "send" as const, text, ...(buttons.length ? { buttons } : {}) }, purpose: { type: "task-post" as const, assignmentIds: chunk.map((l) => String(l.assignmentId)) } };
  });
}

/**
 * Under a task post, after the ✅ buttons (issue 12): "🕘" per task shows its history (hist:<assignment>), "⏳ Gia hạn"
 * says how to ask for more time (exthelp:<assignment>). Kept by status edits, whatever the tasks' state.
 */
export function followUpButtons(tasks: Array<{ position: number; assignmentId: number }>, t: Translate): Button[][] {
  if (tasks.length === 0) return [];
  const rows: Button[][] = [];
  if (tasks.length === 1) {
    rows.push([{ label: t("followup:history.button"), data: `hist:${tasks[0]!.assignmentId}` }, { label: t("followup:history.extendButton"), data: `exthelp:${tasks[0]!.assignmentId}` }]);
    return rows;
  }
  for (let i = 0; i < tasks.length; i += 4) {
    rows.push(tasks.slice(i, i + 4).map((x) => ({ label: t("followup:history.buttonN", { n: x.position }), data: `hist:${x.assignmentId}` })));
  }
  rows.push([{ label: t("followup:history.extendButton"), data: `exthelp:${tasks[0]!.assignmentId}` }]);
  return rows;
}

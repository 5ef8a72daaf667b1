import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { InboundAction } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { displayDay, displayOfficeDay, displayOfficeTime } from "../../tracking/office-day.js";
import { type HistoryQuery, type HistoryResult, type TaskHistory, type TimelineEntry, taskHistory } from "../../tracking/task-history.js";
import { foldKey } from "../../text/vietnamese.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say, sendFile } from "../respond.js";

const FILES_WORDS = new Set(["tep", "file", "files", "minhchung"]);

/** "/lichsu 91/UBND-KT 2", "/lichsu 91/UBND-KT/2023 II.1 tệp". */
export function parseHistoryArgs(args: string): { number: string; ref?: string; files: boolean } | null {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let files = false;
  if (words.length > 1 && FILES_WORDS.has(foldKey(words.at(-1)!).replace(/\s+/g, ""))) {
    files = true;
    words.pop();
  }
  let number = words.shift()!;
  if (words.length >= 2 && /^n[aă]m$/iu.test(words[0]!) && /^(19|20)\d\d$/.test(words[1]!)) number += `/${words.splice(0, 2)[1]}`;
  const ref = words.join(" ").replace(/^(?:mục|muc|nhiệm vụ|nhiem vu|nv)\s*/iu, "") || undefined;
  return { number, ...(ref ? { ref } : {}), files };
}

export async function historyCommand(ctx: MessageContext, args: string): Promise<void> {
  const { deps, msg, t } = ctx;
  const parsed = parseHistoryArgs(args);
  if (!parsed) return ctx.reply(t("followup:history.usage"));
  const query: HistoryQuery = { by: msg.sender.id, chat: msg.chat, number: parsed.number, ...(parsed.ref ? { ref: parsed.ref } : {}) };
  const result = await taskHistory(deps, query);
  await answer(deps, msg.chat, result, t, parsed.number, parsed.files, (text) => ctx.reply(text));
}

/** "hist:<assignmentId>": the timeline of the task a post carries, for whoever presses (their permissions). */
export async function historyAction(deps: BotDeps, action: InboundAction, t: Translate): Promise<boolean> {
  const m = /^hist:(\d{1,12})$/.exec(action.data);
  if (!m) return false;
  const result = await taskHistory(deps, { by: action.sender.id, chat: action.chat, assignmentId: Number(m[1]) });
  await action.answer();
  await answer(deps, action.chat, result, t, "", false, (text) => say(deps, action.chat, text));
  return true;
}

async function answer(deps: BotDeps, chat: string, result: HistoryResult, t: Translate, query: string, files: boolean, reply: (text: string) => Promise<void>): Promise<void> {
  switch (result.code) {
    case "forbidden": return reply(t("followup:history.forbidden"));
    case "not_found": return reply(t("followup:history.notFound", { query }));
    case "which_dispatch":
      return reply([t("followup:history.whichDispatch", { count: result.options.length }), ...result.options.map((o) => `• /lichsu ${o.number ?? ""}/${o.date?.slice(0, 4) ?? ""} — ${o.date ? displayDay(o.date) : ""} ${o.subject ?? ""}`.trim())].join("\n"));
    case "which_item":
    case "no_item":
      return reply(t("followup:history.noItem", { number: result.dispatch.number ?? "", ref: result.code === "no_item" ? result.ref : "?", refs: result.refs.join(", ") }));
    case "ok":
      break;
  }
  await reply(renderHistory(result.history, t));
  if (files) await sendEvidence(deps, chat, result.history, t, reply);
}

/** The timeline as chat text (plain; adapters escape). Pure. */
export function renderHistory(h: TaskHistory, t: Translate): string {
  const time = (at: Date) => `${displayOfficeDay(at)} ${displayOfficeTime(at)}`;
  const out = [t("followup:history.title", { ref: h.task.ref, number: h.dispatch.number ?? "" }), t("followup:history.task", { text: h.task.text.replace(/\s+/g, " ").slice(0, 300) })];
  if (h.confirmed?.kind === "confirmed") out.push(t("followup:history.confirmed", { time: time(h.confirmed.at), who: h.confirmed.who }));
  for (const u of h.units) {
    out.push("", t("followup:history.unit", { unit: u.assignment.unitName, role: t(`tracking:role.${u.assignment.role}`), status: t(`followup:history.unitStatus.${u.assignment.status}`) }));
    if (u.entries.length === 0) out.push(t("followup:history.nothing"));
    for (const e of u.entries) out.push(...entryLines(e, t, time));
  }
  return out.join("\n");
}

function entryLines(e: TimelineEntry, t: Translate, time: (at: Date) => string): string[] {
  const day = (d: string | null) => (d ? displayDay(d) : t("tracking:common.noDeadline"));
  switch (e.kind) {
    case "sent":
    case "reminder":
      return [t(`followup:history.${e.kind}`, { time: time(e.at), chat: e.title ?? e.chat })];
    case "reply":
      return [
        t("followup:history.reply", { time: time(e.at), who: e.who, note: e.note.replace(/\s+/g, " ").slice(0, 200), outcome: t(`followup:history.outcome.${e.outcome}`) }),
        ...(e.files.length ? [t("followup:history.files", { files: e.files.join(", ") })] : []),
      ];
    case "approved":
    case "rejected":
      return [t(`followup:history.${e.kind}`, { time: time(e.at), who: e.who })];
    case "extension_refused":
      return [t("followup:history.extensionRefused", { time: time(e.at), who: e.who })];
    case "extension_requested":
      return [t("followup:history.extensionRequested", { time: time(e.at), who: e.who, from: day(e.from), to: day(e.to), reason: e.reason ? ` — ${e.reason}` : "" })];
    case "extension_approved":
      return [t("followup:history.extensionApproved", { time: time(e.at), who: e.who, from: day(e.from), to: day(e.to) })];
    case "occurrence":
      return [t("followup:history.occurrence", { time: time(e.at), date: displayDay(e.deadline) })];
    case "confirmed":
      return [t("followup:history.confirmed", { time: time(e.at), who: e.who })];
    case "recalled":
      return [t("followup:history.recalled", { time: time(e.at), who: e.who, reason: e.reason ? ` — ${e.reason}` : "" })];
    case "amendment_extended":
      return [t("followup:history.amendmentExtended", { time: time(e.at), source: e.source, from: day(e.from), to: day(e.to) })];
    case "amendment_item":
      if (e.change === "deadline") return [t("followup:history.amendmentDeadline", { time: time(e.at), source: e.source, from: day(e.from), to: day(e.to) })];
      if (e.change === "text") return [t("followup:history.amendmentText", { time: time(e.at), source: e.source, text: (e.to ?? "").replace(/\s+/g, " ").slice(0, 200) })];
      return [t("followup:history.amendmentAdded", { time: time(e.at), source: e.source })];
  }
}

/** The evidence files of the visible reports, sent back as files (kept under files/evidence/<event id>/). */
async function sendEvidence(deps: BotDeps, chat: string, h: TaskHistory, t: Translate, reply: (text: string) => Promise<void>): Promise<void> {
  let sent = 0;
  for (const u of h.units) {
    for (const e of u.entries) {
      if (e.kind !== "reply" || e.files.length === 0 || !e.eventId) continue;
      const dir = join(deps.settings.filesDir, "evidence", e.eventId.replace(/[^\w.-]+/g, "_"));
      const present = new Set(await readdir(dir).catch(() => [] as string[]));
      for (const name of e.files) {
        const stored = name.replace(/[/\\]/g, "_");
        if (!present.has(stored)) continue;
        await sendFile(deps, chat, { name: stored, path: join(dir, stored) }, t("followup:history.fileCaption", { name, unit: u.assignment.unitName, time: displayOfficeDay(e.at) }));
        sent++;
      }
    }
  }
  if (sent === 0) await reply(t("followup:history.noFiles"));
}

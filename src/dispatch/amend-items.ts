import { z } from "zod";
import { readDispatch } from "./reader.js";
import { assigneeSchema, deadlineSchema } from "./schema.js";

/**
 * What an amending dispatch changes item by item in the dispatch it amends (issue 12): "Điều chỉnh thời hạn tại mục 3
 * … đến ngày 30/12/2023", "Sửa đổi khoản 2 như sau: …", "Bổ sung nhiệm vụ: 4. Sở Y tế chủ trì …". Pure; kept apart
 * from the reader's other steps, as amends.ts (which finds which dispatch is amended). Refs are as written ("2",
 * "II.3", "2.a"); the tracking layer matches them to the tracked dispatch's items. An added item's units and due day
 * are the reader's reading of that item alone (the amending dispatch around it names no unit for it).
 *
 * Not item changes: the legal basis ("Căn cứ … sửa đổi khoản 2 Điều 5 …"), an article of an instrument ("khoản 2
 * Điều 3 Nghị định …"), money, records or staff added ("bổ sung kinh phí", "bổ sung hồ sơ"), a report asked for
 * again ("báo cáo bổ sung"), an item merely cited ("Thực hiện mục 3 Kế hoạch số …").
 */
export const itemChangeSchema = z.discriminatedUnion("op", [
  /** New due day of the items named. */
  z.object({ op: z.literal("deadline"), refs: z.array(z.string()).min(1), until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), text: z.string() }),
  /** New wording of one item (and its new due day when the wording gives one). */
  z.object({ op: z.literal("text"), ref: z.string(), newText: z.string().min(1), until: z.string().nullable(), text: z.string() }),
  /** An item added to the amended dispatch (its ref when the dispatch gives one). */
  z.object({
    op: z.literal("add"), ref: z.string().nullable(), newText: z.string().min(1), until: z.string().nullable(), text: z.string(),
    assignees: z.array(assigneeSchema), deadline: deadlineSchema.nullable(),
  }),
]);
export type ItemChange = z.infer<typeof itemChangeSchema>;

/** "3", "II.3", "2.1", "a", "2a", "3)". */
const REF = String.raw`(?:[IVX]{1,5}\.)?\d{1,3}(?:\.\d{1,3})*[a-zđ]?|[a-zđ](?![\p{L}\p{M}])`;
const UNIT = String.raw`(?:nhiệm vụ|mục|khoản|tiết|điểm)`;
/** "mục 3", "khoản 2 và khoản 3", "các mục 2, 3 và 5", "điểm a khoản 2". */
const REF_LIST = new RegExp(String.raw`(?:các\s+)?${UNIT}\s+(${REF})((?:\s*(?:,|và|;)\s*(?:${UNIT}\s+)?(?:${REF}))*)(?:\s+${UNIT}\s+(${REF}))?`, "iu");
const EXTRA_REF = new RegExp(String.raw`(?:${UNIT}\s+)?(${REF})`, "giu");

/** An article or an instrument after the ref: "khoản 2 Điều 5", "mục 3 Nghị định …" — not an item of a dispatch. */
const INSTRUMENT_AFTER = /^\s*(?:điều|chương|luật|nghị định|thông tư|pháp lệnh|bộ luật)(?![\p{L}\p{M}])/iu;
const CITES = /^\s*[-–+•]?\s*(?:căn cứ|xét|thực hiện|theo|tại)(?![\p{L}\p{M}])/iu;

const DEADLINE_VERB = /(?:điều chỉnh|sửa đổi|thay đổi|gia hạn|lùi)\s+(?:lại\s+)?(?:thời hạn|thời gian|hạn)(?:\s+(?:thực hiện|hoàn thành|báo cáo|gửi báo cáo))?(?:\s+(?:nhiệm vụ(?!\s+(?:[IVX]{1,5}\.)?\d)|đối với|của|tại|ở|nêu tại|quy định tại))*\s+/iu;
const TEXT_VERB = /(?:sửa đổi|thay thế|điều chỉnh)(?:,?\s*(?:và\s+)?bổ sung)?\s+(?:(?:toàn bộ\s+)?nội dung\s+)?(?:(?:tại|của|ở)\s+)?/iu;
const TEXT_TAIL = /^([^:]{0,160}?)(?<![\p{L}\p{M}])(?:như sau|thành|bằng nội dung sau|bằng)(?![\p{L}\p{M}])\s*:?\s*/iu;
const ADD = /bổ sung\s+(?:thêm\s+)?(?:(?:một|các|những|\d{1,2}|0\d)\s+)?(?:nội dung\s+)?(nhiệm vụ|mục|khoản|nội dung)(?![\p{L}\p{M}])\s*/iu;
/** A numbered item line of the new text: "4. Sở Y tế …", "4) …", "a) …", "- …". */
const ITEM_LINE = /^\s*(?:(\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]\s+|[-–+•]\s+)(.+)$/iu;
/** Where a quoted new text or a list ends: the next change, the usual closing lines. */
const STOPS = /^\s*(?:[-–+•]\s*)?(?:\d{1,3}[.)]\s*)?(?:điều chỉnh|sửa đổi|thay thế|bổ sung|gia hạn|bãi bỏ|các nội dung khác|những nội dung khác|nơi nhận|ủy ban nhân dân|ubnd [\p{L} ]+ (?:đề nghị|yêu cầu)|đề nghị các|yêu cầu các|điều \d)/iu;
const LINE_LIMIT = 1000;

/** `refDate` (the amending dispatch's date) resolves an added item's dates written without a year. */
export function findItemChanges(text: string, options: { refDate: string }): ItemChange[] {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").map((l) => l.slice(0, LINE_LIMIT));
  const out: ItemChange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CITES.test(line)) continue;
    const found = deadlineChange(line) ?? textChange(line, lines, i) ?? addition(line, lines, i);
    if (found) out.push(...found);
  }
  for (const c of out) {
    if (c.op !== "add") continue;
    const task = readDispatch(`1. ${c.newText}`, options).tasks[0];
    c.assignees = task?.assignees ?? [];
    c.deadline = task?.deadline ?? null;
    c.until = c.deadline?.date ?? c.until;
  }
  return out;
}

function deadlineChange(line: string): ItemChange[] | null {
  const verb = DEADLINE_VERB.exec(line);
  if (!verb) return null;
  const rest = line.slice(verb.index + verb[0].length);
  const refs = refsAt(rest);
  if (!refs) return null;
  const until = dateIn(rest.slice(refs.end));
  if (!until) return null;
  return [{ op: "deadline", refs: refs.refs, until, text: clip(line) }];
}

function textChange(line: string, lines: string[], at: number): ItemChange[] | null {
  const verb = TEXT_VERB.exec(line);
  if (!verb) return null;
  const rest = line.slice(verb.index + verb[0].length);
  const refs = refsAt(rest);
  if (!refs || refs.refs.length !== 1) return null;
  const tail = TEXT_TAIL.exec(rest.slice(refs.end));
  if (!tail) {
    // "Sửa đổi khoản 2: thời hạn hoàn thành trước ngày 15/12/2023" is a deadline change of the item.
    const colon = /^[^:]{0,160}:\s*(.*)$/u.exec(rest.slice(refs.end));
    const until = colon && /thời hạn|thời gian|hạn/iu.test(colon[1]!) ? dateIn(colon[1]!) : null;
    return until ? [{ op: "deadline", refs: refs.refs, until, text: clip(line) }] : null;
  }
  // The words between the ref and "như sau" name the dispatch ("của Kế hoạch số 164/KH-UBND"), not money or an article.
  if (/kinh phí|dự toán|ngân sách/iu.test(tail[1]!)) return null;
  const inline = unquote(rest.slice(refs.end + tail[0].length));
  const body = inline || following(lines, at + 1).join(" ");
  const newText = stripRef(unquote(body));
  if (!newText) return null;
  return [{ op: "text", ref: refs.refs[0]!, newText, until: dateIn(newText), text: clip(line) }];
}

function addition(line: string, lines: string[], at: number): ItemChange[] | null {
  const m = ADD.exec(line);
  if (!m) return null;
  const rest = line.slice(m.index + m[0].length);
  // "bổ sung mục 5", "bổ sung nhiệm vụ 4 …": the ref given; "bổ sung nhiệm vụ sau:", "bổ sung các nhiệm vụ như sau:".
  const own = new RegExp(String.raw`^(${REF})(?![\d\p{L}\p{M}])`, "iu").exec(rest);
  if ((m[1] === "mục" || m[1] === "khoản") && !own) return null;
  const afterRef = own ? rest.slice(own[0].length) : rest;
  if (INSTRUMENT_AFTER.test(afterRef)) return null;
  const colon = /^[^:]{0,200}?:\s*(.*)$/u.exec(afterRef);
  if (!colon) return null;
  const inline = unquote(colon[1]!);
  if (inline) {
    const item = ITEM_LINE.exec(inline);
    const newText = stripRef(inline);
    return [{ op: "add", ref: own?.[1] ?? item?.[1] ?? null, newText, until: dateIn(newText), text: clip(line), assignees: [], deadline: null }];
  }
  const items: ItemChange[] = [];
  const list = following(lines, at + 1, true);
  for (const l of list) {
    const item = ITEM_LINE.exec(l);
    if (!item && items.length > 0) {
      // A wrapped line continues the item before it.
      const last = items[items.length - 1]!;
      if (last.op === "add") { last.newText = `${last.newText} ${l.trim()}`; last.until = dateIn(last.newText); }
      continue;
    }
    const newText = item ? item[2]!.trim() : l.trim();
    items.push({
      op: "add", ref: item?.[1] && /\d/.test(item[1]) ? item[1] : (list.length === 1 ? own?.[1] ?? null : null), newText: unquote(newText),
      until: dateIn(newText), text: clip(line), assignees: [], deadline: null,
    });
  }
  return items.length ? items.filter((x) => x.op !== "add" || x.newText.length > 0) : null;
}

/** The refs at the start of `rest` ("mục 3", "khoản 2 và 3", "điểm a khoản 2" → "2.a"), and where they end. */
function refsAt(rest: string): { refs: string[]; end: number } | null {
  const m = REF_LIST.exec(rest);
  if (!m || m.index > 40) return null;
  // Only words naming the dispatch may stand before the ref ("nhiệm vụ được giao tại", "của Kế hoạch …").
  if (/[.;:]/u.test(rest.slice(0, m.index))) return null;
  const end = m.index + m[0].length;
  if (INSTRUMENT_AFTER.test(rest.slice(end))) return null;
  const first = m[1]!;
  if (m[3]) return { refs: [`${m[3]}.${first}`], end };
  const refs = [first, ...[...(m[2] ?? "").matchAll(EXTRA_REF)].map((r) => r[1]!)];
  return { refs: [...new Set(refs.map((r) => r.replace(/[.)]+$/u, "")))], end };
}

/** The lines of a new text or a list after "như sau:", up to a blank line after some text, or the next change. */
function following(lines: string[], from: number, list = false): string[] {
  const out: string[] = [];
  for (let j = from; j < lines.length && out.length < 30; j++) {
    const l = lines[j]!.trim();
    if (!l) { if (out.length) break; continue; }
    if (out.length && STOPS.test(l)) break;
    if (!list && out.length && ITEM_LINE.test(l) && !/^[-–+•]/u.test(l)) break;
    out.push(l);
  }
  return out;
}

const DATE = /(?:đến|tới|thành|là|trước|vào|hạn|trong)?\s*(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/** The first full date written in `s`, ISO; null when none (or an impossible one). */
function dateIn(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

function unquote(s: string): string {
  return s.trim().replace(/^["“”'‘]+|["“”'’]+\.?$/gu, "").trim();
}

/** "2. Sở Nội vụ chủ trì …" → "Sở Nội vụ chủ trì …". */
function stripRef(s: string): string {
  return s.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]\s+/iu, "").trim();
}

function clip(s: string): string {
  return s.replace(/\s+/g, " ").trim().slice(0, 300);
}

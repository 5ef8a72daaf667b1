/**
 * Step: deadlines for each task. A task's own text first; else an activity window stated in an information item
 * ("Thời gian lấy ý kiến: từ … đến …") that the task carries out; else a closing sentence that sets a time for bodies
 * among the task's leads ("… báo cáo kết quả trước ngày 20/11 hàng năm").
 */
import type { DocHeader, ParsedTask, Deadline } from "./schema.js";
import { isNumbered, type OutlineNode } from "./outline.js";
import type { Structure } from "./structure.js";
import { findDeadlines, isOpenStart, type DateContext } from "./deadlines.js";
import { canonicalName, sameBody } from "./names.js";
import { bodiesAfter, splitList } from "./bodies.js";
import { leadsOfSentence, sentences } from "./roles.js";
import type { TaskDraft } from "./tasks.js";
import { fieldsIn } from "./fields.js";
import { STOP_WORDS } from "./lexicon.js";

/** Year for dates written without one: the document's, else the latest year the text states, else the reference date's. */
export function dateContext(doc: DocHeader, text: string, refDate: string): DateContext {
  if (doc.date) return { year: Number(doc.date.slice(0, 4)), base: doc.date };
  const refYear = Number(refDate.slice(0, 4));
  let best = 0;
  // "28.1.2016": dotted dates count too (not inside a longer dotted number such as a phone "0237.3852.668"), also at
  // the end of a sentence ("… đến ngày 28.1.2016.").
  for (const m of text.matchAll(/(?<![\d.])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)(?!\d|\.\d)|tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)/gu)) {
    const y = Number(m[1] ?? m[2]);
    if (y > best && y <= refYear + 1) best = y;
  }
  // "trong dịp Tết Ất Mùi năm 2015 … từ ngày 1 đến 24.2": with no full date, the first year the text names ("năm
  // 2015", "tháng 7-2018", "quý III/2019") is the one its days fall in; a later one is more often a target ("đến năm
  // 2025").
  if (!best) {
    const named = /(?:năm|tháng\s+\d{1,2}\s*[/.-]|quý\s+[IV1-4]{1,3}\s*[/.-])\s*((?:19|20)\d\d)(?!\d)/u.exec(text);
    if (named && Number(named[1]) <= refYear + 1) best = Number(named[1]);
  }
  // Only a year the text states (a portal page's own date is not the document's): no day to count a recurring deadline
  // from, so it has no date. With no year at all, the day the dispatch reaches the bot stands for the document's.
  return best ? { year: best, base: `${best}-01-01`, dated: false } : { year: refYear, base: refDate };
}

/** The deadline a text states: the first one; among several plain dates, the first due day ("Lịch trực Tết từ ngày
 *  16/02 đến hết ngày 23/02/2015 … gửi về Văn phòng trước ngày 13/02" → 13/02). */
function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function first(text: string, ctx: DateContext): Deadline | null {
  const all = findDeadlines(text, ctx);
  const plain = all.filter((x) => x.date !== null && x.recurrence === null);
  const d = all[0]?.date && !all[0].recurrence ? plain.reduce((a, b) => (b.date! < a.date! ? b : a)) : all[0];
  return d ? { text: d.text, date: d.date, recurrence: d.recurrence } : null;
}

// "Thời gian thực hiện: 6h30 phút ngày 05/9/2013", "Thời gian: ngày 25/7/2022": after a time label the bare time needs
// no cue word of its own.
const BARE_VALUE = /^(?:(?:thứ\s+\p{L}+|chủ\s*nhật)\s*,?\s*|(?:buổi\s+)?(?:sáng|chiều|tối|trưa)\s+)?(?:ngày|lúc|\d)/iu;
function labelTime(value: string, ctx: DateContext): Deadline | null {
  const v = value.trim();
  return first(v, ctx) ?? (BARE_VALUE.test(v) ? first(`vào ${v}`, ctx) : null);
}

// A time field's bare period ("Năm 2025 và các năm tiếp theo", "Quý IV/2025", "Tháng 12/2025") is when the item is due
// by; a bare recurrence ("Hằng năm", "Hàng quý") is its period.
const BARE_PERIOD = /^(?:(?:trong|hoàn thành|hoàn thành trong)\s+)?(?:năm|quý|tháng|ngày|tuần|\d{1,2}\s+tháng)(?![\p{L}])/iu;
const BARE_RECURRENCE = /^(?:(?:thực hiện|định kỳ|báo cáo)\s+)?(?:hằng|hàng)\s+(năm|quý|tháng|tuần)\s*$/iu;
const PERIOD_OF: Record<string, Deadline["recurrence"]> = { năm: "yearly", quý: "quarterly", tháng: "monthly", tuần: "weekly" };
function fieldTime(value: string, ctx: DateContext): Deadline | null {
  const v = value.trim();
  const own = labelTime(v, ctx);
  if (own) return own;
  if (BARE_PERIOD.test(v)) {
    const d = first(`hoàn thành trong ${v.replace(/^(?:(?:trong|hoàn thành|hoàn thành trong)\s+)/iu, "")}`, ctx);
    if (d) return { ...d, text: v.split(/[.;\n]/u)[0]! };
  }
  const r = BARE_RECURRENCE.exec(v);
  return r ? { text: v, date: null, recurrence: PERIOD_OF[r[1]!.toLowerCase()] ?? null } : null;
}

// Info labels that say what kind of information follows, not which activity it dates.
const INFO_LABEL = /^(?:thời gian|địa điểm|nội dung|kinh phí|hình thức|thành phần|chủ đề|khẩu hiệu|đối tượng|phạm vi|mục đích|yêu cầu|hồ sơ|quy mô|số lượng)/iu;
// "Tháng cao điểm được tổ chức từ ngày …", "Hội nghị tổng kết cấp huyện tổ chức trong tháng 6/2024".
// Occasions (not activities): "Lễ phát động …", "Hội nghị tổng kết …", "Tháng cao điểm …". A content item such as
// "Tuyên truyền trực quan: … từ … đến …" gives the period of an activity, not a time for the tasks that mention it.
const OCCASION = /^(?:ra quân|lễ|hội nghị|hội thảo|hội thi|hội diễn|ngày hội|buổi|tháng|tuần|đợt|chiến dịch|cuộc thi|diễn đàn|giải|liên hoan|đại hội|kỳ thi|kỳ họp|phiên)(?![\p{L}])/iu;
// "Hội thi khai mạc 7 giờ 30 ngày 11-9-2008": the verb may be followed by the hour itself.
const EVENT_VERB = /\s(?:được\s+)?(?:tổ chức|diễn ra|triển khai|thực hiện|khai mạc)\s+(?=(?:vào|trong|từ|lúc|ngày|đến|trước)\s|\d{1,2}\s*(?:h|giờ)(?![\p{L}]))/giu;
// "… sẽ tổ chức Hội nghị đối thoại … vào 07 giờ 30 phút, ngày 29/10/2025": the occasion as the verb's object, dated in
// the same sentence; so does a task that takes part in it ("… điều động lực lượng tham gia Lễ ra quân … vào 14 h ngày
// 17/1/2011"), for the other tasks that attend it.
const HOSTS_OCCASION = /(?:tổ chức|khai mạc|diễn ra|tham gia|tham dự)\s+(?:(?:điểm|trọng thể|long trọng)\s+)?(?=\p{Lu})/gu;
// "Thời gian tổ chức kỳ họp là 01 buổi chiều, bắt đầu từ 14 giờ …", "Thời gian thực hiện việc treo cờ Tổ quốc, từ ngày
// …": an information sentence without a colon; the activity runs up to the first time word.
const TIME_SENTENCE = /^(Thời gian(?:\s+(?!(?:là|sẽ)\s)[^\s,:;.]+){0,10}?)(?:\s*,\s*|\s+(?:sẽ\s+)?là\s+|\s+(?=(?:từ|vào|trước|đến|bắt đầu|trong|kể từ|lúc|ngày|chậm nhất)\s))([^]*)$/iu;

function nodeText(n: OutlineNode): string {
  return [n.head, ...n.paras, ...n.children.map(nodeText)].filter(Boolean).join("\n");
}

/** "tháng hành động" from "Tổ chức các hoạt động Tháng hành động vì trẻ em năm 2024": the plan's own activity. */
function subjectActivity(subject: string | null): string {
  if (!subject) return "";
  const words = subject
    .toLowerCase()
    .replace(/^(?:(?:kế hoạch|tổ chức|triển khai|thực hiện|hưởng ứng)\s+)+(?:(?:các\s+)?hoạt động\s+)?/u, "")
    .split(/\s+/u);
  return words.length >= 2 ? words.slice(0, 2).join(" ") : "";
}

/** Named activities and the time the document states for them: in info items ("Lễ phát động cấp huyện: vào lúc …",
 *  "Thời gian lấy ý kiến: từ … đến …", "Thời gian: Hội nghị … tổ chức trong tháng 6/2024") and in prose ("Tháng cao
 *  điểm được tổ chức từ ngày … đến ngày …"). A bare "Thời gian thực hiện: …" dates the plan's own activity (subject). */
interface Window {
  activity: string;
  deadline: Deadline;
}
function windows(root: OutlineNode, prose: string[], subject: string | null, ctx: DateContext): Window[] {
  const out: Window[] = [];
  const events = (text: string) => {
    for (const m of text.matchAll(EVENT_VERB)) {
      // "Đại hội …, nhiệm kỳ 2020-2025, được tổ chức …": the comma before the verb does not end the name.
      const before = text.slice(0, m.index).replace(/[\s,]+$/u, "");
      const start = Math.max(before.lastIndexOf(","), before.lastIndexOf(":"), before.lastIndexOf(";"), before.lastIndexOf("."), before.lastIndexOf("\n"));
      let name = before.slice(start + 1).trim();
      // "Đại hội Đảng bộ tỉnh lần thứ XVIII, nhiệm kỳ 2020-2025, được tổ chức …": the term belongs to the name before it.
      if (/^nhiệm kỳ/iu.test(name) && start > 0) {
        const prev = before.slice(0, start);
        const from = Math.max(prev.lastIndexOf(","), prev.lastIndexOf(":"), prev.lastIndexOf(";"), prev.lastIndexOf("."), prev.lastIndexOf("\n"));
        name = prev.slice(from + 1).trim().replace(/^.*?(?=\p{Lu})/u, "");
      }
      // "… treo cờ Tổ quốc, cờ Đảng trong thời gian diễn ra Đại hội Đảng bộ tỉnh …": the occasion's name starts at its word.
      if (!OCCASION.test(name)) {
        const at = [...name.matchAll(/(?<![\p{L}])\p{Lu}/gu)].find((w) => OCCASION.test(name.slice(w.index)));
        if (at) name = name.slice(at.index);
      }
      const words = name.split(/\s+/u);
      if (!/^\p{Lu}/u.test(name) || !OCCASION.test(name) || words.length < 2 || words.length > 8) continue;
      // Up to the clause's end, found without splitting the rest of the document at every event.
      const rest = text.slice(m.index + m[0].length);
      const end = /[.;](?:\s|$)/u.exec(rest);
      const after = end ? rest.slice(0, end.index) : rest;
      const d = first(/^\d/u.test(after) ? `vào ${after}` : after, ctx);
      if (!d?.date) continue;
      const activity = name.toLowerCase().replace(/["“”]/gu, "");
      out.push({ activity, deadline: d });
      // "Tháng cao điểm vì người nghèo" is also "Tháng cao điểm".
      const short = activity.replace(/\s+(?:vì|về|năm|của|cho|hưởng ứng|với)\s.*$/u, "");
      if (short !== activity && short.split(" ").length >= 2) out.push({ activity: short, deadline: d });
    }
  };
  const hosted = (text: string) => {
    for (const s of text.split(/(?<=[.;])\s+|\n/u)) {
      for (const m of s.matchAll(HOSTS_OCCASION)) {
        const rest = s.slice(m.index + m[0].length);
        // The name runs up to the time, the place or the next clause.
        const name = rest.split(/\s+(?=(?:vào|trong|từ|lúc|ngày|tại|và|để|nhằm|với)\s)|[,;:(]|\s\d/u)[0]!.trim();
        const words = name.split(/\s+/u);
        if (!OCCASION.test(name) || words.length < 2 || words.length > 10) continue;
        const d = first(s, ctx);
        if (!d?.date || d.recurrence) continue;
        const activity = name.toLowerCase().replace(/["“”]/gu, "");
        if (!out.some((o) => o.activity === activity)) out.push({ activity, deadline: d });
      }
    }
  };
  const labelled = (line: string) => {
    const bare = TIME_SENTENCE.exec(line);
    const head = !/^[^:]{3,60}:/u.test(line) && bare ? `${bare[1]}: ${bare[2]}` : line;
    const label = /^([^:]{3,60}?)\s*:\s*(.+)$/u.exec(head);
    // "Lưu ý thời hạn đăng ký tham gia: từ nay đến hết … ngày 28/02/2018": a time limit's label names its activity too.
    const time = label && /^(?:Lưu ý\s+)?Thời (?:gian|hạn)\s*([^]*)$/iu.exec(label[1]!);
    // "Thời gian …: 01 ngày, ngày 25/7/2022": a count of days before the day is read with the label as its cue.
    const d = label && (first(label[2]!, ctx) ?? (time ? first(head, ctx) : null));
    if (label && d) {
      const named = time ? time[1]!.toLowerCase().replace(/^(?:tổ chức|thực hiện|triển khai)\s*(?:việc\s+)?/u, "").replace(/\s*\([^()]*\)\s*$/u, "").trim() : label[1]!.toLowerCase();
      // Only a named activity ("lấy ý kiến") links tasks to the window; "Thời gian tổ chức" alone names none.
      const names = (n: string) => n.split(" ").length >= 2 && !INFO_LABEL.test(n) && !GENERAL_VERB.test(n) && (time !== null || OCCASION.test(n));
      if (names(named)) {
        out.push({ activity: named, deadline: d });
        // "Thời gian tiếp nhận và phân bổ: ngày 25/7/2022": the time of each activity it names ("… cùng tham gia tiếp
        // nhận SGK và phân bổ").
        if (time) for (const part of named.split(/\s+và\s+/u)) if (part !== named && names(part)) out.push({ activity: part, deadline: d });
      }
      else if (time && named === "") {
        const before = out.length;
        events(label[2]!);
        const own = subjectActivity(subject);
        // Only an occasion ("Tháng hành động", "Ra quân …"): "Triển khai Nghị quyết …" is not dated by its plan's span.
        if (out.length === before && own && OCCASION.test(own) && d.date) out.push({ activity: own, deadline: d });
      }
    }
  };
  const walk = (n: OutlineNode) => {
    labelled(n.head);
    n.children.forEach(walk);
  };
  walk(root);
  // An information line outside the items ("Thời gian treo cờ Tổ quốc: Từ ngày 23/7 đến hết ngày 27/7/2025.").
  // Only a sentence of its own: "…; thời gian kiểm tra từ … đến …" inside an item dates that item's work alone.
  // A dash line of its own is one too ("cụ thể: / - Thời gian tiếp nhận và phân bổ: 01 ngày, ngày 25/7/2022").
  for (const p of prose) {
    for (const line of /\n\s*[-+•*]\s*(?:Lưu ý\s+thời|Thời) (?:gian|hạn)\s/u.test(p) ? p.split("\n") : [p]) {
      for (const s of line.replace(/^\s*[-+•*]\s*(?=(?:Lưu ý\s+thời|Thời) (?:gian|hạn)\s)/u, "").split(/(?<=\.)\s+/u)) if (/^(?:[-+•*]\s*)?(?:Lưu ý\s+thời|Thời) (?:gian|hạn)\s/u.test(s)) labelled(s.replace(/^[-+•*]\s*/u, "").replace(/\.$/u, ""));
    }
  }
  for (const p of prose) events(p);
  for (const p of prose) hosted(p);
  return out;
}

/** The holiday a notice announces ("… nghỉ Tết Nguyên đán Bính Ngọ 2026 trong 12 ngày, bắt đầu từ thứ Tư ngày 11/2/2026
 *  … đến hết Chủ nhật ngày 22/2/2026"): its first day and its time (last day). */
const HOLIDAY = /(?<![\p{L}])nghỉ\s+(?:tết|lễ|hè|học)(?![\p{L}])|(?<![\p{L}])được\s+nghỉ(?![\p{L}])/iu;
const START_RE = /từ\s+(?:(?:sáng|chiều)\s+)?(?:(?:thứ\s*\p{L}+|chủ\s*nhật)\s*,?\s*)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/iu;
function holiday(text: string, ctx: DateContext): { start: string | null; end: Deadline } | null {
  // A sentence hard-wrapped over several lines is one sentence: only a blank line ends one without its full stop.
  for (const s of text.replace(/([^\n])\n(?=[^\n])/gu, "$1 ").split(/[.;](?=\s)|\n/u)) {
    if (!HOLIDAY.test(s)) continue;
    // Its last day: "nghỉ 01 ngày vào thứ Hai (02/4/2012) thay cho ngày nghỉ vào thứ Bảy (31/3/2012)" → 02/4.
    const end = findDeadlines(s, ctx)
      .filter((x) => x.date && !x.recurrence)
      .reduce<Deadline | null>((a, b) => (a && a.date! >= b.date! ? a : { text: b.text, date: b.date, recurrence: null }), null);
    if (!end?.date) continue;
    const m = START_RE.exec(s);
    const start = m ? iso(m[3] ? Number(m[3]) : Number(end.date.slice(0, 4)), Number(m[2]), Number(m[1])) : null;
    return { start: start && start <= end.date ? start : end.date, end };
  }
  return null;
}
// "trong đợt nghỉ Tết", "Trong thời gian nghỉ Tết", "trong kỳ nghỉ": the holiday's time; "Trước khi nghỉ lễ": its first day.
const DURING_HOLIDAY = /(?:trong|suốt)\s+(?:thời gian|đợt|kỳ|dịp|những ngày|các ngày)\s+nghỉ(?:\s+(?:tết|lễ))?(?![\p{L}])/iu;
const BEFORE_HOLIDAY = /trước\s+(?:khi|kỳ|đợt|dịp)\s+nghỉ(?:\s+(?:tết|lễ))?(?![\p{L}])/iu;

/** "Từ tháng 3 đến hết tháng 7-2018, Trung ương Đoàn phát động … Theo đó, các tỉnh, thành đoàn xây dựng kế hoạch …":
 *  "Theo đó" opens the detail of the instruction the sentence before it states, so the work it introduces is done in
 *  that instruction's time (one time only; a census's reference moment "vào thời điểm 0 giờ ngày 1-4-2019" is the state
 *  the count describes, not when the preparation is due). */
function accordingTime(t: ParsedTask, text: string, ctx: DateContext): Deadline | null {
  if (!/^theo đó(?![\p{L}])/iu.test(t.text.trim())) return null;
  const at = text.indexOf(t.text.trim().slice(0, 40));
  if (at < 0) return null;
  const para = text.slice(Math.max(0, at - 600), at).split(/\n\s*\n/u).filter((x) => x.trim()).pop() ?? "";
  const sentence = para.trim().split(/(?<=[.;])\s+/u).pop() ?? "";
  const found = findDeadlines(sentence, ctx).filter((d) => d.date && !d.recurrence);
  if (found.length !== 1 || /thời điểm/iu.test(found[0]!.text)) return null;
  return { text: found[0]!.text, date: found[0]!.date, recurrence: null };
}

/** The time a numbered sub-item takes from the item it belongs to: the one the item's lead-in states for the work the
 *  sub-items detail ("b) Các Bộ: Tài chính, Y tế … hoàn thành trong tháng 11 năm 2025, cụ thể: (1) Bộ Tài chính …").
 *  A time the item states for its own work in an earlier sentence ("… và hoàn thành trước ngày 05/12/2025. Một số vấn
 *  đề lưu ý: (1) …") is that work's, and the goal of an opening purpose clause ("Để đảm bảo tiến độ, phấn đấu hoàn thành
 *  trước ngày 30/11/2025 …, yêu cầu …: (1) Bộ Công an …") is what the items serve, not when each is due. A bullet or
 *  paragraph under the item still does part of its work, in its time. */
function parentTime(t: ParsedTask, parent: string, ctx: DateContext): Deadline | null {
  const d = first(parent, ctx);
  if (!d || t.ref.includes("#")) return d;
  const said = sentences(parent.replace(/([^\n])\n(?=[^\n])/gu, "$1 "));
  const last = said[said.length - 1] ?? "";
  const at = last.indexOf(d.text);
  if (at < 0) return null;
  const purpose = /^(?:[\p{L}\d]{1,4}[.)]\s*)?Để\s/u.test(last) && /(?<![\p{L}])(?:yêu cầu|đề nghị|giao)\s/u.exec(last.slice(at));
  return purpose ? null : d;
}

/** "Kết luận Hội nghị, đồng chí Bí thư nhấn mạnh một số công việc trọng tâm cần tổ chức thực hiện trong tháng 9 năm 2020,
 *  cụ thể như sau: / - Các ngành … / - Các ấp …": in prose, a dash item under a lead-in that ends in ":" and names no
 *  body of its own (the lead-in would be part of the task then) does part of the work the lead-in times. As for a
 *  numbered sub-item, an opening purpose clause ("Để bảo đảm tiến độ, phấn đấu hoàn thành trước …, yêu cầu:") states
 *  the goal the items serve, not when each is due. */
function leadInTime(text: string, at: number, ctx: DateContext): Deadline | null {
  const lineStart = text.lastIndexOf("\n", at) + 1;
  if (!/^\s*[-+•*]/u.test(text.slice(lineStart, at + 1))) return null;
  // Back over the sibling items (a bounded stretch: the lead-in of a long list is not looked for).
  const lines = text.slice(Math.max(0, lineStart - 4000), lineStart).split("\n");
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!.trim();
    if (!line || /^[-+•*]/u.test(line)) continue;
    if (!/:\s*$/u.test(line)) return null;
    const last = sentences(line).pop() ?? "";
    if (/^(?:[\p{L}\d]{1,4}[.)]\s*)?Để\s/u.test(last)) return null;
    const d = first(last, ctx);
    return d?.date && !d.recurrence ? d : null;
  }
  return null;
}

/** "đúng thời gian quy định tại Điều 1", "thời hạn nêu tại mục II": the time stated in the item referred to. */
function referredTime(text: string, root: OutlineNode, ctx: DateContext): Deadline | null {
  const m = /(?:thời gian|thời hạn|tiến độ)[^.;]{0,30}?(?:quy định|nêu|ghi)\s+(?:tại|ở)\s+(Điều|mục|khoản|phần|điểm)\s+(\d{1,3}|[IVX]{1,5}|[a-zđ])(?![\p{L}\p{N}])/iu.exec(text);
  if (!m) return null;
  const label = m[2]!;
  const find = (n: OutlineNode): OutlineNode | null => {
    if (n.label === label && (m[1]!.toLowerCase() !== "điều" || n.kind === "dieu")) return n;
    for (const c of n.children) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  const node = find(root);
  const d = node ? first(nodeText(node), ctx) : null;
  return d ? { ...d, text: m[0] } : null;
}

const KINDS = ["sở", "ban", "ngành", "phòng", "hội", "đoàn thể", "cơ quan", "đơn vị", "trường", "ủy ban nhân dân", "huyện ủy", "đảng ủy"];
function kindOf(name: string): string | null {
  const c = canonicalName(name).replace(/^các\s+/u, "");
  return KINDS.find((k) => c === k || c.startsWith(`${k} `)) ?? null;
}
/** The kinds a collective lists: "các sở, ban, ngành Thành phố" → sở, ban, ngành. */
function kindsOf(collective: string): string[] {
  if (!/^các\s/iu.test(collective.trim())) return [];
  return collective
    .split(/\s*,\s*|\s+và\s+/u)
    .map((seg) => kindOf(seg))
    .filter((k): k is string => k !== null);
}
function addressed(lead: string, bodies: string[]): boolean {
  const kind = kindOf(lead);
  return bodies.some((b) => sameBody(b, lead) || (kind !== null && kindsOf(b).includes(kind)));
}

interface ClosingRule {
  bodies: string[];
  deadline: Deadline;
  toImplicit: boolean;
  /** Bodies the time is not for (the one the reports go to). */
  except?: string[];
}

// "… đề nghị X, yêu cầu Y …": the bodies a closing asks.
const ASKS = /(?:đề nghị|yêu cầu|giao)\s+/giu;

function closingRules(closing: string[], issuer: string[], recipients: string[], ctx: DateContext): ClosingRule[] {
  const rules: ClosingRule[] = [];
  // "… đề nghị X, yêu cầu Y nghiêm túc thực hiện. Báo cáo kết quả … trước ngày 20/11 hàng năm": the time in one
  // sentence is for the bodies the closing named just before it.
  let named: string[] = [];
  for (const para of closing) {
    const bodies = bodiesAfter(para, ASKS);
    for (const s of sentences(para)) {
      const l = leadsOfSentence(s);
      if (l && !l.requested) bodies.push(...l.leads.filter((n) => !issuer.some((i) => sameBody(i, n))));
    }
    if (bodies.length) named = bodies;
    const d = first(para, ctx);
    if (!d) continue;
    // A closing time that names no body is addressed to the recipients (and the items that fall to them).
    rules.push({ bodies: named.length ? named : recipients, deadline: d, toImplicit: named.length === 0 });
  }
  return rules;
}

// "gửi báo cáo … về Sở Nội vụ", "báo cáo kết quả về Văn phòng UBND tỉnh": the body the reports go to.
const REPORT_TO = /(?:^|\s)(?:gửi\s+)?về\s+(?=\p{Lu})/gu;

/**
 * "VII. CHẾ ĐỘ BÁO CÁO — Các sở, ban, ngành …, UBND phường, xã … gửi báo cáo … về Sở Nội vụ trước ngày 16 tháng 12 năm
 * 2025": a plan's last item that sets a report time for bodies or kinds is its closing sentence in a numbered form, so it
 * governs the tasks of those bodies that state no time of their own (guide) — not those of the body the reports go to.
 */
function closingItem(tasks: ParsedTask[], st: Structure, ctx: DateContext): ClosingRule | null {
  const top = st.root.children.filter((c) => isNumbered(c.kind));
  const last = top[top.length - 1];
  const tail = tasks[tasks.length - 1];
  if (!last || !tail || tasks.length < 3 || tail.implicit || tail.ref !== last.label || last.children.length > 0) return null;
  // Only the report sentence, its bodies its subject ("Các sở … gửi báo cáo … về Sở Nội vụ trước ngày …"): an item with
  // work of its own that ends by asking its body to report keeps that time to itself.
  // (Its heading in capitals and the wrap of a portal's short lines left out.)
  const said = sentences(tail.text.replace(/\s*\n\s*/gu, " ").replace(/^(?:[\p{Lu}\d.,:;-]+\s+)+(?=\p{Lu}\p{Ll})/u, ""));
  const l = said.length === 1 ? leadsOfSentence(said[0]!) : null;
  if (!l || l.leads.length === 0 || !/^(?:gửi|báo cáo)(?![\p{L}])/u.test(l.verb)) return null;
  const d = first(tail.text, ctx);
  if (!d?.date) return null;
  const bodies = tail.assignees.filter((a) => a.role === "lead").map((a) => a.name);
  return bodies.length ? { bodies, deadline: d, toImplicit: false, except: bodiesAfter(tail.text, REPORT_TO) } : null;
}

/** The kind nouns a collective lists: "Các chi, đảng bộ trực thuộc Huyện ủy" → chi, đảng bộ. */
function kindNouns(name: string): string[] {
  if (!/^các\s/iu.test(name.trim())) return [];
  return name
    .toLowerCase()
    .replace(/^các\s+/u, "")
    .split(/\s*,\s*/u)
    .map((seg) => seg.split(/\s+/u).slice(0, /^(?:đảng|chi|ban|tổ|cơ|đơn)\s/u.test(seg) ? 2 : 1).join(" "));
}
function isPartOf(t: ParsedTask, parent: ParsedTask): boolean {
  const leads = t.assignees.filter((a) => a.role === "lead");
  const kinds = parent.assignees.filter((a) => a.role === "lead").flatMap((a) => kindNouns(a.name));
  // "Các đảng bộ xã, thị trấn": the first noun is the kind, the places after it qualify it.
  return leads.length > 0 && leads.every((a) => kinds.includes(kindNouns(a.name)[0] ?? "\u0000"));
}

function hasPhrase(rawText: string, rawPhrase: string): boolean {
  // "băng- rôn" and "băng-rôn" are one word.
  const text = rawText.replace(/\s*-\s*(?=\p{Ll})/gu, "-");
  const phrase = rawPhrase.replace(/\s*-\s*(?=\p{Ll})/gu, "-");
  const at = text.indexOf(phrase);
  return at >= 0 && !/[\p{L}\p{N}]/u.test(text[at - 1] ?? " ") && !/[\p{L}\p{N}]/u.test(text[at + phrase.length] ?? " ");
}

/** A value computed on first use and kept, null included (the holiday a document may not announce is one). */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export function attachDeadlines(tasks: TaskDraft[], st: Structure, doc: DocHeader, text: string, refDate: string): void {
  const ctx = dateContext(doc, text, refDate);
  // Occasions are dated in information lines and prose, and in the sentence of a task that takes part in them ("… treo
  // cờ trong thời gian diễn ra Đại hội …, được tổ chức từ ngày 12 đến 14-10-2020").
  // A portal page's information sentences may stand before the text the reader takes as the body ("Thời gian tổ chức kỳ
  // họp là …" above the request): the page's paragraphs are read for them too.
  const paragraphs: string[] = [];
  let para: string[] = [];
  for (const line of [...text.split("\n"), ""]) {
    const l = line.trim();
    if (l) para.push(l);
    else if (para.length) {
      const p = para.join(" ");
      if (p.length < 2000) paragraphs.push(p);
      para = [];
    }
  }
  // The windows, the holiday and the closing rules are read when a task first needs them: most tasks state their own
  // date, and a document whose tasks all do needs none of them (each is pure, so when it is read does not matter).
  const windowsOnce = once(() => windows(st.root, [...st.preamble, ...st.prose, ...tasks.map((t) => t.text), ...paragraphs], doc.subject, ctx));
  const holidayOnce = once(() => holiday(text, ctx));
  const rulesOnce = once(() => {
    const recipients = doc.recipients.flatMap((r) => splitList(r));
    const rules = closingRules(st.closing, doc.issuer ? [doc.issuer] : [], recipients, ctx);
    const reportRule = closingItem(tasks, st, ctx);
    if (reportRule) rules.push(reportRule);
    return rules;
  });
  const byRef = new Map(tasks.map((t) => [t.ref, t]));
  let cursor = 0;
  for (const t of tasks) {
    t.deadline = first(t.text, ctx);
    const parent = t.parentText;
    if (!t.deadline && parent) t.deadline = parentTime(t, parent, ctx);
    if (!t.deadline && !parent && t.ref.startsWith("#")) {
      // Tasks come in text order, so each is looked for after the one before (no whole-text search per task).
      const at = text.indexOf(t.text.trim().slice(0, 40), cursor);
      if (at >= 0) {
        cursor = at;
        t.deadline = leadInTime(text, at, ctx);
      }
    }
    if (t.deadline?.date) continue;
    const low = t.text.toLowerCase().replace(/["“”]/gu, "");
    // "… trong thời gian diễn ra đại hội": the one occasion of that kind the document dates.
    const during = /(?:thời gian|những ngày|dịp)\s+(?:diễn ra|tổ chức)\s+(\p{L}+(?:\s\p{L}+)?)/u.exec(low);
    // "… kính mời Nhân dân đến dự Hội nghị", "tham dự kỳ họp đầy đủ": attending the one occasion of that kind dated.
    const attends = during ? null : /(?<![\p{L}])(?:tham dự|dự|tham gia)\s+(\p{L}+\s\p{L}+)/u.exec(low);
    const kind = during ? during[1]!.split(" ")[0]! : attends && OCCASION.test(attends[1]!) ? `${attends[1]!} ` : null;
    const wins = t.deadline ? [] : windowsOnce();
    const ofKind = kind ? wins.filter((w) => OCCASION.test(w.activity) && `${w.activity} `.startsWith(kind)) : [];
    const win =
      wins.find((w) => hasPhrase(low, w.activity)) ??
      (/thời gian (?:[^,.;]{0,40})?nêu trên/u.test(low) ? wins[0] : undefined) ??
      (new Set(ofKind.map((w) => w.deadline.date)).size === 1 ? ofKind[0] : undefined);
    if (win && !t.deadline) {
      t.deadline = { ...win.deadline, text: /thời gian[^,.;]*nêu trên/iu.exec(t.text)?.[0] ?? win.deadline.text };
      continue;
    }
    // "… tổ chức cho học sinh, sinh viên nghỉ lễ": a task that carries out the holiday itself takes its time too.
    const rest = t.deadline ? null : holidayOnce();
    const inHoliday = rest ? (BEFORE_HOLIDAY.test(t.text) ? "start" : DURING_HOLIDAY.test(t.text) || HOLIDAY.test(t.text) ? "end" : null) : null;
    if (rest && inHoliday) {
      const phrase = (inHoliday === "start" ? BEFORE_HOLIDAY : DURING_HOLIDAY).exec(t.text)?.[0] ?? HOLIDAY.exec(t.text)![0];
      t.deadline = { text: phrase, date: inHoliday === "start" ? rest.start : rest.end.date, recurrence: null };
      continue;
    }
    const according = t.deadline ? null : accordingTime(t, text, ctx);
    if (according) {
      t.deadline = according;
      continue;
    }
    const referred = t.deadline ? null : referredTime(t.text, st.root, ctx);
    if (referred) {
      t.deadline = referred;
      continue;
    }
    // "1- Các chi, đảng bộ trực thuộc …: + Hoàn thành tổng kết … trước ngày 20/5 + Các đảng bộ xã … lồng ghép …": a
    // bullet whose body is one of the kinds its parent item names does part of the parent's work, in its time.
    const owner = t.ref.includes("#") ? byRef.get(t.ref.slice(0, t.ref.indexOf("#"))) : undefined;
    if (!t.deadline && owner?.deadline?.date && !owner.deadline.recurrence && isPartOf(t, owner)) {
      t.deadline = { ...owner.deadline };
      continue;
    }

    const leads = t.assignees.filter((a) => a.role === "lead").map((a) => a.name);
    const rule = rulesOnce().find((r) => (r.toImplicit && t.implicit) || leads.some((l) => addressed(l, r.bodies) && !r.except?.some((x) => sameBody(x, l))));
    if (!rule) continue;
    if (!t.deadline || t.deadline.recurrence === rule.deadline.recurrence) t.deadline = { ...rule.deadline };
  }
  // "3. Thời gian thực hiện: từ ngày 26/3 đến hết ngày 5/4/2020" among "1. Tạm thời đóng cửa …", "4. Giao Công an …": an
  // item that only states the time, naming no activity, is the time of the work of its section.
  for (const s of sectionTimes(st.root, ctx)) {
    for (const t of tasks) {
      const base = t.ref.split("#")[0]!;
      if (!t.deadline && base !== "" && base !== s.ref && (s.scope === "" || base.startsWith(`${s.scope}.`))) t.deadline = { ...s.deadline };
    }
  }
  // "- Thời gian tiến hành: Bắt đầu tiêm từ ngày 6/11 đến ngày 11/11/2023." in a notice whose work is not numbered: a
  // line that only states the time of carrying out, naming no activity, is the time of the notice's work.
  const plain = planTime(text, ctx);
  if (plain) for (const t of tasks) if (!t.deadline && t.ref.startsWith("#")) t.deadline = { ...plain };
  // "Sẵn sàng cho lễ giao nhận quân năm 2020 … bảo đảm an ninh trật tự trước, trong và sau lễ giao, nhận quân": in a
  // document about one dated occasion, a task that names an occasion and states no time of its own prepares or serves
  // that one, so it is due on the occasion's day.
  const main = mainOccasion(text, doc.subject, ctx);
  // Preparing the venue, the people and the services ("trang trí khánh tiết, đón tiếp đại biểu", "bố trí 400 cán bộ cổ
  // vũ") is work for that occasion even when the task does not name it.
  if (main) for (const t of tasks) if (!t.deadline && (MENTIONS_OCCASION.test(t.text) || PREPARES.test(t.text))) t.deadline = { ...main };
  // "1. Các cơ quan … treo cờ Tổ quốc từ ngày 29/4 đến hết ngày 2/5/2017. 2. UBND các huyện chỉ đạo … treo cờ …": a
  // window a task states for a named activity is the time of that activity, so the tasks that carry it out share it.
  const spans = activitySpans(tasks);
  // The same for a window stated in prose outside the tasks ("… các hộ gia đình treo cờ Tổ quốc từ ngày 18-8-2022 đến
  // hết ngày 3-9-2022." above "- Đề nghị … kiểm tra, rà soát việc treo cờ Tổ quốc …"): the activity's one time.
  if (tasks.some((t) => !t.deadline)) {
    const said: Array<{ text: string; deadline: Deadline | null }> = [];
    for (const p of paragraphs) {
      if (!/từ\s/iu.test(p)) continue;
      for (const s of p.split(/(?<=[.;])\s+/u)) if (/(?<![\p{L}])từ\s+(?:\S+\s+){0,3}\d/iu.test(s)) said.push({ text: s, deadline: first(s, ctx) });
    }
    for (const [activity, d] of activitySpans(said)) addSpan(spans, activity, d);
  }
  for (const t of tasks) {
    if (t.deadline) continue;
    const low = t.text.toLowerCase();
    // "… thường xuyên kiểm tra việc treo cờ …": a standing duty is not done in the activity's window.
    if (/(?<![\p{L}])thường xuyên(?![\p{L}])/u.test(low)) continue;
    // An activity run in two seasons has no one time, so it dates no task.
    const span = [...spans].find(([activity, d]) => d !== null && hasPhrase(low, activity));
    if (span?.[1]) t.deadline = { ...span[1] };
  }
  // "c) Thời gian thực hiện: Hoàn thành trong năm 2025", "- Thời gian: Thường xuyên": a plan's item states its own time
  // in its time field, which alone is its deadline (none when the field states no date).
  for (const t of tasks) {
    const field = t.fieldTime;
    if (field) t.deadline = fieldTime(field, ctx);
    else if (!t.deadline && field === undefined && /(?:thời (?:gian|hạn)|tiến độ)/iu.test(t.text)) {
      // "1. Sở Y tế chủ trì … - Thời gian hoàn thành: Quý IV/2025": a task's own time field, however bare its period.
      const own = fieldsIn(t.text).find((f) => f.kind === "time" && f.value);
      if (own) t.deadline = fieldTime(own.value, ctx);
    }
  }
}

// "Thời gian thực hiện: …", "Thời gian tiến hành: bắt đầu từ …", "Thời gian thực hiện từ ngày …": the time of
// carrying out, with no activity named, at the start of a line or sentence.
const PLAN_TIME = /^(?:[-+•*]\s*)?Thời gian(?:\s+(?:thực hiện|tiến hành|triển khai))?\s*(?::\s*|\s(?=(?:là\s+)?(?:từ|bắt đầu|kể từ)\s))([^]*)$/iu;
/** The one time of carrying out a document states on a line of its own (several different ones: none). */
function planTime(text: string, ctx: DateContext): Deadline | null {
  let found: Deadline | null = null;
  // Only lines that open with the label are split into sentences.
  for (const line of text.split("\n")) {
    if (!/^\s*(?:[-+•*]\s*)?Thời gian/iu.test(line)) continue;
    const m = PLAN_TIME.exec(line.trim().split(/(?<=\.)\s+(?=\p{Lu})/u)[0]!);
    const d = m ? labelTime(m[1]!, ctx) : null;
    if (!d?.date || d.recurrence) continue;
    if (found && found.date !== d.date) return null;
    found = d;
  }
  return found;
}

const TIME_HEADING = /^Thời gian(?:\s*(?:,|và)\s*địa điểm)?(?:\s+(?:tổ chức|thực hiện))?\s*:?$/iu;
// "2. Thời gian hoàn thành và nộp biểu tổng hợp về Phòng GD&ĐT trước ngày 18/8/2016", "Thời hạn: trước ngày …": the time
// the section's work is to be finished by.
const DONE_BY = /^((?:Thời gian|Thời hạn) hoàn thành[^]*|Thời hạn\s*:[^]*)$/iu;
const BARE_TIME = /^Thời gian(?:\s+(?:thực hiện|hoàn thành|triển khai|tổ chức|áp dụng))?\s*:\s*(\S[^]*)$/iu;
/** Items that only state a time ("Thời gian thực hiện: …"), with the ref of the section they belong to. */
function sectionTimes(root: OutlineNode, ctx: DateContext): Array<{ ref: string; scope: string; deadline: Deadline }> {
  const out: Array<{ ref: string; scope: string; deadline: Deadline }> = [];
  const visit = (n: OutlineNode, path: string[]) => {
    const parentPath = n.kind.startsWith("dotted") ? path.filter((p) => !n.label.startsWith(`${p}.`)) : path;
    const ref = [...parentPath, n.label].filter(Boolean).join(".");
    const m = n.kind === "root" ? null : BARE_TIME.exec(n.head.trim()) ?? DONE_BY.exec(n.head.trim());
    const d = m ? labelTime(m[1]!, ctx) : null;
    if (d?.date && !d.recurrence && n.label) {
      const scope = ref.includes(".") ? ref.slice(0, ref.lastIndexOf(".")) : "";
      out.push({ ref, scope, deadline: d });
    }
    // "II. Thời gian, địa điểm / 1. Đại hội trù bị - 9 giờ 00’, ngày 13 tháng 9 năm 2019 … 3. Chuẩn bị - Trang trí …: Đoàn
    // thanh niên": the work listed under a time heading readies what it dates, by the first time it states.
    if (n.kind !== "root" && n.label && TIME_HEADING.test(n.head.trim())) {
      // The heading is the cue its lines' bare times go without ("- 9 giờ 00’, ngày 13 tháng 9 năm 2019").
      const f = nodeText(n)
        .split("\n")
        .map((l) => findDeadlines(`vào ${l.replace(/^[-+•*]\s*/u, "")}`, ctx).find((x) => x.date && !x.recurrence))
        .find((x) => x !== undefined);
      if (f) out.push({ ref: "\u0000", scope: ref, deadline: { text: f.text, date: f.date, recurrence: null } });
    }
    for (const c of n.children) visit(c, [...parentPath, n.label].filter(Boolean));
  };
  visit(root, []);
  return out;
}

// Work that readies an occasion: its venue, its guests, its people, its services. Not the bare "chuẩn bị": "Chuẩn bị cơ
// sở vật chất, phòng học cho giáo viên dự thi" under a contest's info item is work of its own with no time (the
// synthetic spec cv-markdown-hoi-thi keeps it undated).
const PREPARES = /(?<![\p{L}])(?:bố trí|trang trí|đón tiếp|phục vụ|huy động|điều động)(?![\p{L}])/iu;

// Verbs too general to name an activity on their own.
const GENERAL_VERB = /^(?:thực hiện|triển khai|tổ chức|báo cáo|tham gia|chỉ đạo|hướng dẫn|kiểm tra|tiến hành|duy trì|đảm bảo|bảo đảm|phối hợp)$/u;

// A pair of words that opens with a verb ("treo cờ"), not with a preposition or an auxiliary ("tại trụ", "sẽ treo").
const NOT_VERB = /^(?:trong|tại|về|với|cùng|khi|nếu|sau|trước|vào|để|nhằm|là|được|không|đã|đang|sẽ|phải|theo|cần|vừa|cũng|luôn|ra|sớm|đối với|in)\s/u;
const VERB_START = new RegExp(`^(?!${NOT_VERB.source.slice(1)})(?:${STOP_WORDS.join("|")})\\s`, "u");

/** An activity's window, or null once two windows with different days are stated for it ("… từ 15/4 đến 31/8/2017 …;
 *  vào mùa đông … từ 1/9/2017 đến 15/4/2018": run in two seasons, it has no one time). */
function addSpan(spans: Map<string, Deadline | null>, activity: string, d: Deadline | null): void {
  const seen = spans.get(activity);
  if (seen === undefined) spans.set(activity, d);
  else if (seen !== null && (d === null || seen.date !== d.date)) spans.set(activity, null);
}

function activitySpans(tasks: ReadonlyArray<{ text: string; deadline: Deadline | null }>): Map<string, Deadline | null> {
  const out = new Map<string, Deadline | null>();
  for (const t of tasks) {
    const d = t.deadline;
    // Only a window with its end: an open start ("Tạm hoãn tổ chức lễ …, từ 0 giờ ngày 11-2-2020") dates no span.
    if (!d?.date || d.recurrence || !/^từ\s/iu.test(d.text) || isOpenStart(d.text)) continue;
    const at = t.text.indexOf(d.text);
    if (at < 0) continue;
    const before = t.text.slice(Math.max(0, at - 80), at);
    // "Thời gian treo cờ 4 ngày, từ …" names the activity; else a verb phrase of the last words before the window ("…
    // nhân dân trên địa bàn phường treo cờ Tổ quốc từ …" → "treo cờ"): pairs of lower-case words, so a proper name
    // ("Tổ quốc") or the subject's place noun two words back is not taken for it.
    // "Bắt đầu từ ngày 15/4 đến 31/8/2017, thời gian thu gom rác sẽ diễn ra …": the activity may be named just after it.
    const named = /thời gian\s+(\p{Ll}+ \p{Ll}+)[^.;]*$/iu.exec(before) ?? /^\s*,\s*thời gian\s+(\p{Ll}+ \p{Ll}+)/iu.exec(t.text.slice(at + d.text.length, at + d.text.length + 40));
    const words = before.replace(/[,;:]\s*$/u, "").trim().split(/\s+/u).slice(-4);
    const pairs = named ? [named[1]!.toLowerCase()] : words.slice(1).map((w, i) => `${words[i]} ${w}`).filter((p) => /^\p{Ll}+ \p{Ll}+$/u.test(p) && VERB_START.test(p));
    for (const verb of pairs) {
      if (!GENERAL_VERB.test(verb)) addSpan(out, verb, d);
    }
  }
  return out;
}

// Occasions a document is about: a congress, a ceremony, a contest, an election, a meeting, a drill.
const OCCASION_WORD =
  /(?<![\p{L}])(?:đại hội|hội nghị|hội thi|hội diễn|hội thao|ngày hội|liên hoan|kỳ họp|kỳ thi|cuộc thi|bầu cử|diễn tập|lễ(?!\s*(?:,|tết|hội|và|phép))(?:\s+(?!(?:được|sẽ|đã|diễn|tổ|vào|của|năm|tại)(?![\p{L}]))\p{L}+){1,2}|ra quân|giao nhận quân)(?![\p{L}])/giu;
// The same words tested once per task (OCCASION_WORD is global for matchAll, whose lastIndex a .test would move).
const MENTIONS_OCCASION = new RegExp(OCCASION_WORD.source, "iu");
// What dates an occasion in its own clause: "Lễ … sẽ diễn ra …", "Bầu cử … được tổ chức vào …", "Hội thi khai mạc 7
// giờ 30 …", "Hoàn thành Đại hội … trước …", "Thời gian tổ chức Ngày hội … từ …".
const OCCASION_VERB = /(?<![\p{L}])(?:tổ chức|diễn ra|khai mạc|dự kiến|hoàn thành|bắt đầu|tiến hành|kết thúc)(?![\p{L}])/iu;
const OCCASION_LEAD = /(?:thời gian(?:\s+(?:tổ chức|tiến hành|diễn ra))?|hoàn thành|tổ chức|ngày)\s*:?\s*$/iu;
const PAST_OCCASION = /(?<![\p{L}])(?:đã|vừa)\s+(?:được\s+)?(?:diễn ra|tổ chức|thành công|kết thúc|khai mạc|bế mạc)|(?<![\p{L}])(?:tạm dừng|tạm hoãn|hoãn|lùi)(?![\p{L}])/iu;

/** The one occasion the document is about ("Sẵn sàng cho lễ giao nhận quân năm 2020 … Lễ giao nhận quân năm 2020 sẽ
 *  diễn ra từ 7h30 … ngày 11-2-2020"): named in its title or subject and dated in a clause of its own. */
function mainOccasion(text: string, subject: string | null, ctx: DateContext): Deadline | null {
  const title = (text.split("\n").find((l) => l.trim()) ?? "").trim();
  const topic = `${title.length < 250 ? title : ""} ${subject ?? ""}`.toLowerCase();
  // A headline's "hội nghị" is the meeting the page reports ("… tổ chức hội nghị triển khai kế hoạch …"), not the
  // occasion the work is for.
  const heads = [...new Set([...topic.matchAll(OCCASION_WORD)].map((m) => m[0].replace(/\s+/gu, " ")))].filter((h) => h !== "hội nghị");
  if (!heads.length) return null;
  // Only paragraphs that name the occasion are split into sentences.
  const paras = text.split(/\n\s*\n/u).filter((p) => heads.some((h) => p.toLowerCase().includes(h)));
  for (const s of paras.flatMap((p) => sentences(p.replace(/([^\n])\n(?=[^\n])/gu, "$1 ")))) {
    if (PAST_OCCASION.test(s)) continue;
    const low = s.toLowerCase();
    for (const h of heads) {
      const at = low.indexOf(h);
      if (at < 0) continue;
      const clause = s.slice(at).split(/;/u)[0]!;
      const led = OCCASION_LEAD.test(s.slice(0, at));
      const verb = OCCASION_VERB.exec(clause);
      if (!led && !verb) continue;
      // "Hội thi khai mạc 7 giờ 30 ngày 11-9-2008": the time right after the verb.
      const after = verb ? clause.slice(verb.index + verb[0].length) : clause.slice(h.length);
      const found = findDeadlines(/^\s*\d/u.test(after) ? `vào ${after}` : after, ctx).filter((d) => d.date && !d.recurrence);
      if (!found.length || (verb && found[0]!.index > 120)) continue;
      // An occasion already past when the document was written is background.
      if (ctx.dated !== false && found[0]!.date! < ctx.base) continue;
      return { text: found[0]!.text, date: found[0]!.date, recurrence: null };
    }
  }
  return null;
}

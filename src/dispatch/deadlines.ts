/**
 * Step: deadline phrases. A small hand-written grammar instead of chrono-node: dispatch deadlines are a closed set of
 * phrase shapes, and what matters most is what NOT to read (dates of cited documents, campaign names, phone numbers,
 * report periods). So a date only counts after a cue word ("trước", "chậm nhất", "trong tháng", "từ … đến", "vào lúc",
 * "Thời gian: …"); bare dates never do. See docs/decisions/0101-deadline-grammar.md.
 */
import type { Deadline, Recurrence } from "./schema.js";
import { ACTIVITY_BEFORE_PERIODIC } from "./lexicon.js";

export interface DateContext {
  /** Year for dates written without one: the document's, else one the text states, else the reference date's. */
  year: number;
  /** Recurring deadlines take their next occurrence on or after this day (ISO). */
  base: string;
}

export interface FoundDeadline extends Deadline {
  index: number;
  end: number;
}

const WEEKDAY = "(?:thứ\\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s*nhật)";
const NUM_DATE = "(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})(?:\\s*[/.\\-]\\s*(\\d{4}))?(?![\\d/])";
const LONG_DATE = "(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|,\\s*năm)\\s+(\\d{4}))?";
const TIME = "(?:\\d{1,2}\\s*(?:h|giờ|g)\\s*(?:\\d{1,2})?\\s*(?:phút|')?\\s*(?:,\\s*)?)";
// "ngày10/9": real text drops the space after "ngày".
const DATE = `(?:ngày\\s*)?(?:${WEEKDAY}\\s*,?\\s*(?:ngày\\s*)?)?(?:${NUM_DATE}|${LONG_DATE})`;
const CUE =
  "(?:không (?:quá|muộn hơn)|trước|chậm nhất(?:\\s+là)?|muộn nhất|hạn chót|hạn cuối|thời hạn|hạn|đến hết|đến|kết thúc|xong|hoàn thành|vào lúc|vào|lúc|trong ngày|diễn ra(?:\\s+vào)?|thời gian[^:.;\\n]{0,50}:)";

// "từ ngày 30/4 đến hết 03/5/2020", "từ ngày 01/01/2017 (Chủ nhật) đến hết ngày 02/01/2017": the window's last day.
const RANGE_RE = new RegExp(`từ\\s+(?:${TIME})?${DATE}\\s*(?:\\([^()]{0,20}\\)\\s*)?(?:cho\\s+)?(?:đến\\s+hết|đến|tới|-|–)\\s*(?:ngày\\s+)?(?:${TIME})?${DATE}`, "giu");
// "từ ngày 12 đến 14-10-2020", "từ ngày 20-28/01/2016": a window within one month.
const DAY_RANGE_RE = /từ\s+(?:ngày\s+)?(\d{1,2})\s*(?:đến\s+hết|đến|tới|-|–)\s*(?:ngày\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])/giu;
// "kể từ sáng ngày 17-11-2008 … đến khi …", "từ 0 giờ ngày 28/3/2020 cho đến khi có thông báo mới": an open window
// is due from its first day.
const OPEN_FROM_RE = new RegExp(`(?:kể\\s+)?từ\\s+(?:sáng|chiều|tối)?\\s*(?:${TIME})?\\s*${DATE}(?=[^.;\\n]{0,60}?(?:cho\\s+)?đến\\s+khi)`, "giu");
const CUED_DATE_RE = new RegExp(`${CUE}\\s*:?\\s*(?:ngày\\s*)?(?:${TIME})?(?:ngày\\s*)?${DATE}`, "giu");
const MONTH_RE = new RegExp(
  `(?:(trước)|trong|hết|cuối|vào|đến hết|đến cuối|đến|thời gian[^:.;\\n]{0,50}:)\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:\\/|năm|-)\\s*(\\d{4}))?(?![\\d/])`,
  "giu",
);
const QUARTER_RE = new RegExp(
  `(?:(trước)\\s+|(?:trong|hết|cuối|vào|đến hết|đến|xong|hoàn thành(?:\\s+trong)?|thời gian[^:.;\\n]{0,50}:)\\s+)quý\\s+(IV|I{1,3}|[1-4])(?:\\s*(?:\\/|năm|-)\\s*(\\d{4}))?`,
  "giu",
);
const YEAR_RE = /(?:(trước)|trong|hết|cuối|đến hết|đến cuối|hoàn thành trong|xong trong|vào|thời gian[^:.;\n]{0,50}:)\s+năm\s+(\d{4})(?!\d)/giu;
const WEEKDAY_REL_RE = /(?:trước|vào|chậm nhất(?:\s+là)?|hạn|đến)\s+(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])\s+(tuần này|tuần sau|tuần tới)/giu;
const MONTHLY_DAY_RE =
  /(?:(?:trước|vào|chậm nhất|đến)\s+)?ngày\s+(\d{1,2})\s+(?:hàng|hằng)\s+tháng|(?:hàng|hằng)\s+tháng[^.;\d]{0,160}?(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+(\d{1,2})(?![\d/]|\s*tháng)/giu;
// The gap may hold a parenthesis with digits and dots ("(qua Phòng …, điện thoại: 0237.3852.668)").
const QUARTER_DAY_RE = /(?:hàng|hằng)\s+quý(?:[^.;\d]|\([^()]{0,160}\)){0,200}?(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý/giu;
// "vào thứ Sáu hằng tuần", "hằng tuần … trước thứ Năm": the weekday's next occurrence.
const WEEKLY_DAY_RE =
  /(?:vào|trước|chậm nhất(?:\s+là)?)\s+(?:các\s+)?(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])\s+(?:hàng|hằng)\s+tuần|(?:hàng|hằng)\s+tuần[^.;\d]{0,120}?(?:vào|trước|chậm nhất(?:\s+là)?)\s+(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])(?!\s+(?:tuần|đầu|cuối))/giu;
const WEEKDAY_NUM: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };
const DAYS_AFTER_RE = /trong\s+(?:vòng|thời hạn)?\s*(\d{1,3})\s+ngày(\s+làm việc)?\s*(?:,\s*)?kể từ ngày\s+(?:ký|ban hành)/giu;

const REC_RES: ReadonlyArray<[RegExp, Recurrence]> = [
  [/định kỳ\s+(?:6|sáu)\s+tháng|(?:6|sáu)\s+tháng\s*(?:,|và|\/)\s*(?:01\s+|1\s+|một\s+)?năm|(?:6|sáu) tháng một lần|báo cáo(?: kết quả)?\s+(?:6|sáu)\s+tháng(?!\s+(?:đầu|cuối))/giu, "semiannual"],
  [/định kỳ\s+(?:hàng|hằng)\s+quý|(?:hàng|hằng)\s+quý|định kỳ\s+(?:3|ba)\s+tháng/giu, "quarterly"],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+năm|(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+năm,/giu, "yearly"],
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+tháng,/giu, "monthly"],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+tháng/giu, "monthly"],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+tuần/giu, "weekly"],
  [/định kỳ\s+(?:hàng|hằng)\s+tháng|ngày\s+\d{1,2}\s+(?:hàng|hằng)\s+tháng|báo cáo\s+(?:hàng|hằng)\s+tháng|(?:hàng|hằng)\s+tháng\s+báo cáo/giu, "monthly"],
  [/định kỳ\s+(?:hàng|hằng)\s+tuần|(?:các|vào)\s+(?:ngày\s+)?thứ\s+(?:hai|ba|tư|năm|sáu|bảy)\s+(?:đầu tuần|hàng tuần|hằng tuần)|báo cáo\s+(?:hàng|hằng)\s+tuần|(?:hàng|hằng)\s+tuần\s+báo cáo/giu, "weekly"],
  [/định kỳ\s+(?:hàng|hằng)\s+năm|(?:hàng|hằng)\s+năm\s+báo cáo|báo cáo(?: kết quả)?(?: [^.;]{0,30})?\s+(?:hàng|hằng)\s+năm|\d\s+(?:hàng|hằng)\s+năm/giu, "yearly"],
  // Mid-clause: "; hằng tháng cập nhật số liệu", "ký cam kết hằng năm vào đầu mùa khô" (a schedule, not "kế hoạch hằng năm").
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+năm(?=\s+\p{Ll})|(?:hàng|hằng)\s+năm(?=\s+vào\s+(?:đầu|cuối|giữa|dịp|mùa|thời điểm|tháng|quý))/giu, "yearly"],
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+tháng(?=\s+\p{Ll})|(?:hàng|hằng)\s+tháng(?=\s+vào\s+(?:đầu|cuối|giữa|ngày|tuần))/giu, "monthly"],
  // "báo cáo trước 15h00 hằng ngày": a daily report has no period in the guide's list, so it is periodic.
  [/(?:trước|vào|lúc|chậm nhất)\s+\d{1,2}\s*(?:h|giờ)[^.;\n]{0,12}?(?:hàng|hằng)\s+ngày/giu, "periodic"],
  // "khám sức khỏe định kỳ", "bảo dưỡng định kỳ": the kind of activity, not a schedule.
  [new RegExp(`(?<!(?:${ACTIVITY_BEFORE_PERIODIC.join("|")})\\s+)định kỳ(?!\\s+(?:hàng|hằng|6|sáu|3|ba)\\b)`, "giu"), "periodic"],
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
function lastDay(y: number, m: number): string | null {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}
function dayBefore(isoDate: string | null): string | null {
  if (!isoDate) return null;
  const t = new Date(`${isoDate}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
function addDays(isoDate: string, n: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

function addWorkingDays(isoDate: string, n: number): string {
  let d = isoDate;
  for (let left = Math.min(n, 400); left > 0; ) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return d;
}

/** Day and month of a DATE match (groups: numeric d, m, y, then long d, m, y). */
function dmy(g: Array<string | undefined>, at: number): [number, number, number | null] | null {
  const d = g[at] ?? g[at + 3];
  const m = g[at + 1] ?? g[at + 4];
  const y = g[at + 2] ?? g[at + 5];
  if (!d || !m) return null;
  return [Number(d), Number(m), y ? Number(y) : null];
}

/** All deadline phrases in `text`, in order, with recurrences merged into an adjacent date. */
// Real dispatches misspell the cue "trước" ("trưóc", "truớc", "truóc"); the fix keeps the length, so
// every index into the fixed text is an index into the original, whose wording is what we report.
const TRUOC_TYPO_RE = /(?<=^|[^\p{L}])(t)r(?:ư|u)(?:ớ|ó)c(?![\p{L}])/giu;
function fixCueTypos(text: string): string {
  return text.replace(TRUOC_TYPO_RE, (w, t: string) => (w.slice(1) === "rước" ? w : `${t}rước`));
}

export function findDeadlines(original: string, ctx: DateContext): FoundDeadline[] {
  const text = fixCueTypos(original);
  const dates: FoundDeadline[] = [];
  const push = (index: number, found: string, date: string | null, recurrence: Recurrence | null = null) => {
    if (date === null && recurrence === null) return;
    let phrase = original.slice(index, index + found.length);
    if (phrase.includes("(") && !phrase.includes(")") && text[index + phrase.length] === ")") phrase += ")";
    const end = index + phrase.length;
    if (dates.some((x) => index < x.end && end > x.index)) return;
    dates.push({ text: tidy(phrase), date, recurrence, index, end });
  };
  // Cheap gates first: most sentences carry no time at all.
  const digits = /\d/.test(text);
  if (!digits && !/định kỳ|hàng|hằng|thứ/iu.test(text)) return [];
  const dateLike = digits && /\d\s*[/.\-]\s*\d|\d\s+tháng\s+\d/u.test(text);
  for (const m of dateLike && /từ/iu.test(text) ? text.matchAll(RANGE_RE) : []) {
    const to = dmy([...m], 7);
    const from = dmy([...m], 1);
    if (!to) continue;
    const y = to[2] ?? from?.[2] ?? ctx.year;
    push(m.index, m[0], iso(y, to[1], to[0]));
  }
  for (const m of dateLike && /từ/iu.test(text) ? text.matchAll(DAY_RANGE_RE) : []) {
    const y = m[4] ? Number(m[4]) : ctx.year;
    if (Number(m[1]) < Number(m[2])) push(m.index, m[0], iso(y, Number(m[3]), Number(m[2])));
  }
  for (const m of dateLike && /đến\s+khi/iu.test(text) ? text.matchAll(OPEN_FROM_RE) : []) {
    const p = dmy([...m], 1);
    if (p) push(m.index, m[0], p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, false));
  }
  for (const m of dateLike ? text.matchAll(CUED_DATE_RE) : []) {
    if (/^thời gian/iu.test(m[0]) && /^\s*từ/iu.test(text.slice(m.index + m[0].length - 20))) continue;
    const p = dmy([...m], 1);
    if (!p) continue;
    const yearly = /^\s*(?:hàng|hằng)\s+năm/iu.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    push(m.index, m[0], p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, yearly));
  }
  for (const m of digits && /tháng/iu.test(text) ? text.matchAll(MONTH_RE) : []) {
    const y = m[3] ? Number(m[3]) : ctx.year;
    const mon = Number(m[2]);
    push(m.index, m[0], m[1] ? dayBefore(iso(y, mon, 1)) : lastDay(y, mon));
  }
  for (const m of /quý/iu.test(text) ? text.matchAll(QUARTER_RE) : []) {
    const q = ROMAN[m[2]!.toLowerCase()] ?? Number(m[2]);
    const y = m[3] ? Number(m[3]) : ctx.year;
    push(m.index, m[0], m[1] ? dayBefore(iso(y, q * 3 - 2, 1)) : lastDay(y, q * 3));
  }
  for (const m of digits && /năm/iu.test(text) ? text.matchAll(YEAR_RE) : []) {
    const y = Number(m[2]);
    push(m.index, m[0], m[1] ? iso(y - 1, 12, 31) : iso(y, 12, 31));
  }
  for (const m of /tuần/iu.test(text) ? text.matchAll(WEEKDAY_REL_RE) : []) {
    const w = m[1]!.toLowerCase();
    const wd = WEEKDAY_NUM[w] ?? Number(w) - 1;
    const base = new Date(`${ctx.base}T00:00:00Z`);
    const monday = addDays(ctx.base, -((base.getUTCDay() + 6) % 7));
    push(m.index, m[0], addDays(monday, wd - 1 + (/này/u.test(m[2]!) ? 0 : 7)));
  }
  for (const m of digits && /tháng/iu.test(text) ? text.matchAll(MONTHLY_DAY_RE) : []) {
    const d = Number(m[1] ?? m[2]);
    const [by, bm, bd] = ctx.base.split("-").map(Number) as [number, number, number];
    const date = d >= bd ? iso(by, bm, d) : bm === 12 ? iso(by + 1, 1, d) : iso(by, bm + 1, d);
    push(m.index, m[0], date, "monthly");
  }
  for (const m of digits && /quý/iu.test(text) ? text.matchAll(QUARTER_DAY_RE) : []) {
    const d = Number(m[1]);
    const [by] = ctx.base.split("-").map(Number) as [number];
    const next = [3, 6, 9, 12].map((mo) => iso(by, mo, d)).find((x) => x !== null && x >= ctx.base) ?? iso(by + 1, 3, d);
    push(m.index, m[0], next, "quarterly");
  }
  for (const m of /tuần/iu.test(text) ? text.matchAll(WEEKLY_DAY_RE) : []) {
    const w = (m[1] ?? m[2])!.toLowerCase();
    const wd = WEEKDAY_NUM[w] ?? Number(w) - 1;
    const dow = new Date(`${ctx.base}T00:00:00Z`).getUTCDay();
    push(m.index, m[0], addDays(ctx.base, (wd - dow + 7) % 7), "weekly");
  }
  for (const m of digits && /kể từ/iu.test(text) ? text.matchAll(DAYS_AFTER_RE) : []) {
    // Working days count Monday to Friday; public holidays are not known to the pure reader (the leader can adjust).
    push(m.index, m[0], m[2] ? addWorkingDays(ctx.base, Number(m[1])) : addDays(ctx.base, Number(m[1])));
  }

  const recs: FoundDeadline[] = [];
  for (const [re, rec] of /định kỳ|hàng|hằng|tháng|thứ/iu.test(text) ? REC_RES : []) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (recs.some((x) => m.index < x.end && end > x.index)) continue;
      recs.push({ text: tidy(m[0]), date: null, recurrence: rec, index: m.index, end });
    }
  }
  // A recurrence right before or after a date is one deadline: "6 tháng, năm (trước 15/12)", "trước ngày 20/11 hàng năm".
  for (const r of recs) {
    if (dates.some((d) => d.recurrence !== null && r.index < d.end && r.end > d.index)) continue;
    const near = dates.find(
      (d) =>
        d.recurrence === null &&
        ((r.index < d.end && r.end > d.index) ||
          (r.end <= d.index && d.index - r.end <= (r.recurrence === "periodic" ? 20 : 80) && !/[.;]/.test(text.slice(r.end, d.index))) ||
          (d.end <= r.index && r.index - d.end <= 3 && !/[.;]/.test(text.slice(d.end, r.index)))),
    );
    if (near) {
      const overlaps = r.index < near.end && r.end > near.index;
      const start = overlaps ? near.index : Math.min(near.index, r.index);
      let end = Math.max(near.end, r.end);
      if (text[end] === ")" && text.slice(start, end).includes("(")) end++;
      near.text = tidy(text.slice(start, end));
      near.recurrence = r.recurrence;
      near.index = start;
      near.end = end;
      if (near.date && !/\d{4}/.test(near.text)) {
        const [, mo, d] = near.date.split("-").map(Number) as [number, number, number];
        near.date = nextOccurrence(d, mo, ctx, true);
        // "trước ngày 15/6 và 15/12": the first of the stated days still to come.
        const more = /^\s*(?:và|,)\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/u.exec(text.slice(near.end));
        const other = more ? nextOccurrence(Number(more[1]), Number(more[2]), ctx, true) : null;
        if (more && other && near.date && other < near.date) {
          near.date = other;
          near.end += more[0].length;
          near.text = tidy(text.slice(near.index, near.end));
        }
      }
    } else {
      dates.push(r);
    }
  }
  // "Định kỳ, … báo cáo chậm nhất là ngày 07 hàng tháng": the bare "định kỳ" names no period; a stated one wins.
  const stated = dates.some((d) => d.recurrence !== null && d.recurrence !== "periodic");
  const kept = stated ? dates.filter((d) => !(d.recurrence === "periodic" && d.date === null)) : dates;
  return kept.sort((a, b) => a.index - b.index);
}

const tidy = (phrase: string) => phrase.replace(/^[\s.;:,]+|[\s.;:,]+$/gu, "");

/** Day/month without a year: in the context year, or for a recurring one the next occurrence from the base day. */
function nextOccurrence(d: number, m: number, ctx: DateContext, recurring: boolean): string | null {
  const inYear = iso(ctx.year, m, d);
  if (!inYear) return inYear;
  if (recurring) return inYear >= ctx.base ? inYear : iso(ctx.year + 1, m, d);
  // "trước ngày 15/01" in a dispatch of late December means next January.
  return ctx.base.startsWith(String(ctx.year)) && inYear < addDays(ctx.base, -60) ? iso(ctx.year + 1, m, d) : inYear;
}

/** The deadline a task's own text states: the first one, or null. */
export function firstDeadline(text: string, ctx: DateContext): Deadline | null {
  const found = findDeadlines(text, ctx)[0];
  return found ? { text: found.text, date: found.date, recurrence: found.recurrence } : null;
}

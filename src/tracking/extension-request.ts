import { dayNumber, isoFromDayNumber, type IsoDate } from "./office-day.js";
import { matchAt, phrases, tokenize, type Phrase, type Token } from "./reply-words.js";

/**
 * A unit's request for more time ("đề nghị gia hạn đến 30/12 vì …"), read from a chat reply. Pure and total.
 *
 * The reply classifier already reads "gia hạn", "lùi hạn", "xin hoãn" as a difficulty; a difficulty that also names
 * the new date is a request to extend the deadline, which the leader approves or refuses. Diacritics may be missing
 * ("de nghi gia han den 30/12"), but words differing only by them stay apart ("xin hoãn" is not "xin hoàn thành").
 * Not requests: a negation ("không cần gia hạn"), a report of an extension already given ("đã được gia hạn đến 30/12"),
 * a question without a request verb ("gia hạn đến bao giờ?").
 */
export type ExtensionRequest =
  | { kind: "request"; date: IsoDate; reason: string | null }
  /** Asks for more time but names no date: the unit is told how to write it, nothing is requested. */
  | { kind: "no_date" };

/** What asks for more time. Longest phrase wins at a position. */
export const EXTENSION_WORDS: readonly Phrase[] = phrases(
  "gia hạn", "lùi hạn", "lùi thời hạn", "lùi thời gian", "xin hoãn", "hoãn thời hạn", "kéo dài thời hạn",
  "kéo dài thời gian", "thêm thời gian", "dời hạn", "extend", "extension", "more time", "postpone",
);
/** Request verbs: with one of these even a question ("xin gia hạn đến 30/12 được không ạ?") is a request. */
export const REQUEST_VERBS: readonly Phrase[] = phrases(
  "đề nghị", "xin", "đề xuất", "kiến nghị", "cho phép", "xin phép", "kính đề nghị", "mong", "request", "please", "ask",
);
/** Before the extension word in the same sentence: no request ("không cần gia hạn", "đã được gia hạn"). */
const BLOCKERS: readonly Phrase[] = phrases(
  "không", "ko", "k", "chưa cần", "không cần", "chẳng", "đã", "đã được", "vừa được", "no", "not", "already",
);
/** Before a date: the new day ("đến 30/12", "sang ngày 05/01"). */
const TO_WORDS: readonly Phrase[] = phrases("đến", "tới", "sang", "lùi đến", "đến hết", "until", "to", "till");
const DAY = phrases("ngày", "day");
const MONTH = phrases("tháng", "thg", "month");
const YEAR = phrases("năm", "year");
const SENTENCE_END = new Set([".", "!", "?", ";", "\n"]);

interface FoundDate { at: number; end: number; iso: IsoDate }

export function parseExtensionRequest(text: string, today: IsoDate): ExtensionRequest | null {
  const tokens = tokenize(text);
  let wordAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const len = matchAt(tokens, i, EXTENSION_WORDS);
    if (len > 0) { wordAt = i; break; }
  }
  if (wordAt < 0) return null;
  const sentenceStart = lastSentenceStart(tokens, wordAt);
  const before = (list: readonly Phrase[], window = 99) => {
    for (let i = Math.max(sentenceStart, wordAt - window); i < wordAt; i++) if (matchAt(tokens, i, list) > 0) return true;
    return false;
  };
  if (before(BLOCKERS, 3)) return null;
  const asked = before(REQUEST_VERBS);
  const question = tokens.some((t) => t.raw === "?");
  if (question && !asked) return null;

  const dates = findDates(tokens, wordAt, today);
  if (dates.length === 0) return asked ? { kind: "no_date" } : null;
  const chosen = dates.find((d) => d.at > 0 && precededBy(tokens, d.at, TO_WORDS)) ?? dates[0]!;
  return { kind: "request", date: chosen.iso, reason: reasonOf(text) };
}

function lastSentenceStart(tokens: Token[], at: number): number {
  for (let i = at - 1; i >= 0; i--) if (SENTENCE_END.has(tokens[i]!.raw) && !/^\d/.test(tokens[i + 1]?.raw ?? "")) return i + 1;
  return 0;
}

/** True when a phrase of `list` ends right before token `at` (skipping "ngày"). */
function precededBy(tokens: Token[], at: number, list: readonly Phrase[]): boolean {
  let end = at;
  if (end > 0 && matchAt(tokens, end - 1, DAY) > 0) end--;
  for (let start = Math.max(0, end - 3); start < end; start++) {
    if (matchAt(tokens, start, list) === end - start) return true;
  }
  return false;
}

const num = (t: Token | undefined): number | null => (t && /^\d{1,4}$/.test(t.raw) ? Number(t.raw) : null);

/** Dates written after the extension word: "30/12", "30/12/2026", "30-12-26", "ngày 30 tháng 12 năm 2026". */
function findDates(tokens: Token[], from: number, today: IsoDate): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = from; i < tokens.length; i++) {
    const d = num(tokens[i]);
    if (d === null || tokens[i]!.raw.length > 2) continue;
    let month: number | null = null;
    let year: number | null = null;
    let end = i + 1;
    const sep = tokens[i + 1]?.raw;
    if (sep === "/" || sep === "-" || sep === ".") {
      month = num(tokens[i + 2]);
      end = i + 3;
      if (month !== null && tokens[i + 3]?.raw === sep && num(tokens[i + 4]) !== null) {
        year = num(tokens[i + 4]);
        end = i + 5;
      }
    } else {
      const m = matchAt(tokens, i + 1, MONTH);
      if (m > 0) {
        month = num(tokens[i + 1 + m]);
        end = i + 2 + m;
        const y = matchAt(tokens, end, YEAR);
        if (month !== null && y > 0 && num(tokens[end + y]) !== null) {
          year = num(tokens[end + y]);
          end += y + 1;
        }
      }
    }
    if (month === null) continue;
    const iso = isoOf(d, month, year, today);
    if (iso) out.push({ at: i, end, iso });
    i = end - 1;
  }
  return out;
}

/** A day and month, with the year written (2 or 4 digits) or the first such day from today on. */
function isoOf(day: number, month: number, year: number | null, today: IsoDate): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const make = (y: number): IsoDate | null => {
    const iso = `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    try {
      return isoFromDayNumber(dayNumber(iso)) === iso ? iso : null;
    } catch {
      return null;
    }
  };
  if (year !== null) return make(year < 100 ? 2000 + year : year);
  const thisYear = Number(today.slice(0, 4));
  const candidate = make(thisYear);
  if (candidate && candidate >= today) return candidate;
  return make(thisYear + 1);
}

/** The reason as written: what follows "vì", "do", "lý do", "because" (clipped), or null. */
function reasonOf(text: string): string | null {
  const nfc = text.normalize("NFC");
  const m = /(?<![\p{L}\p{M}])(?:bởi vì|vì|vi|do|lý do|lí do|ly do|because|due to)(?![\p{L}\p{M}])\s*:?\s*([\s\S]+)$/iu.exec(nfc);
  const reason = m?.[1]?.replace(/\s+/g, " ").trim();
  return reason ? reason.slice(0, 500) : null;
}

/** The first date written in `text` ("15/01", "15/01/2027", "ngày 15 tháng 1 năm 2027"), the year as above; or null. */
export function parseDateText(text: string, today: IsoDate): IsoDate | null {
  return findDates(tokenize(text), 0, today)[0]?.iso ?? null;
}

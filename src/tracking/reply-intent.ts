import {
  BENIGN_AFTER_NEGATION, COMPLETION, CONDITIONAL_LEAD, DIFFICULTY, EXHORTATION, LIST_JOIN, MODAL, NEGATION, PARTIAL_AFTER, PAST,
  PROGRESS, QUESTION_ANYWHERE, QUESTION_FINAL, REQUIRE, TASK_WORD, THEN, TRAILING, findAll, matchAt, phrases, tokenize,
  type Token,
} from "./reply-words.js";

export type ReplyIntent = "done" | "progress" | "difficulty" | "question" | "unknown";

export interface ClassifiedReply {
  intent: ReplyIntent;
  /** Task numbers the reply names ("xong 2, 3", "tiến độ 3: …", "nhiệm vụ 2 đang vướng"), in order, no repeats. */
  taskNumbers?: number[];
  /** A percentage 0–100 written in the reply ("đạt 60%"). */
  percent?: number;
  /** The reply as written (NFC, trimmed): callers keep it as the note, whatever the intent. */
  note: string;
}

const STRONG_NEGATION = phrases("không", "ko", "k", "kg", "kh", "khg", "hông", "hok", "chẳng", "chả");
const PROGRESSIVE_MODAL = phrases("sắp", "gần", "sẽ", "đang", "cơ bản", "bước đầu", "dự kiến", "almost", "nearly", "soon");
const BEFORE = phrases("trước");
const THEO = phrases("theo");
/** After a number, these make it a count or a time ("xong 2 ngày trước", "hoàn thành 2 nhiệm vụ"), not a task number. */
const NOT_TASK_AFTER = phrases(
  "ngày", "hôm", "tuần", "tháng", "năm", "giờ", "h", "phút", "bản", "trang", "lần", "người", "phần", "nhiệm vụ", "việc",
  "nội dung", "mục", "văn bản", "báo cáo", "cái", "tasks", "days", "trên", "nửa",
);
const OVER = phrases("trên", "of");
const DAY_WORD = phrases("ngày", "hôm");
const SENTENCE_END = new Set([".", "!", "?", ";", "\n"]);

/**
 * Classifies a unit officer's chat reply. Pure and total: never throws, any text in.
 * Contract: "done" only for an unhedged report of completion. Negations ("chưa xong", "không hoàn thành được"),
 * questions ("xong chưa?"), partial reports ("hoàn thành 50%", "xong phần 1"), intentions ("sắp xong", "sẽ hoàn
 * thành") leaders' exhortations ("đề nghị các đơn vị khẩn trương hoàn thành") and calls or conditions ("ai xong thì báo
 * cáo", "nếu xong thì gửi") are never "done"; a negation word
 * anywhere before a completion word rules "done" out. Diacritics, case, NFC/NFD and tone placement do not matter.
 * Anything unclear is "unknown": the caller keeps it as a note and never guesses.
 */
export function classifyReply(text: string): ClassifiedReply {
  const note = text.normalize("NFC").trim();
  const tokens = tokenize(note);
  const masked = benignNegations(tokens);
  const sentence = sentenceIndexes(tokens);
  const memo = new Map<object, Array<{ at: number; len: number }>>();
  const found: Finder = (list) => {
    let hits = memo.get(list);
    if (!hits) memo.set(list, (hits = findAll(tokens, list).filter((m) => !masked.has(m.at))));
    return hits;
  };
  const percent = findPercent(tokens);
  const taskNumbers = findTaskNumbers(tokens);
  const out = (intent: ReplyIntent): ClassifiedReply => ({
    intent,
    ...(taskNumbers.length > 0 ? { taskNumbers } : {}),
    ...(percent !== undefined ? { percent } : {}),
    note,
  });

  if (isQuestion(tokens, masked, found)) return out("question");
  const completions = found(COMPLETION);
  const strongNegated = completions.some((c) =>
    found(STRONG_NEGATION).some((n) => n.at < c.at && c.at - n.at <= 2 && sentence[n.at] === sentence[c.at]));
  if (strongNegated || found(DIFFICULTY).length > 0) return out("difficulty");

  if (completions.length > 0) {
    const block = completionBlock(tokens, completions, sentence, found, percent);
    if (block === null) return out("done");
    return out(block);
  }
  if (found(PROGRESS).length > 0 || percent !== undefined) return out("progress");
  return out("unknown");
}

type Finder = (list: Parameters<typeof findAll>[1]) => Array<{ at: number; len: number }>;

/** Why a text with completion words is not a completion report (the intent to report instead), or null if it is. */
function completionBlock(
  tokens: Token[], completions: Array<{ at: number; len: number }>, sentence: number[], found: Finder,
  percent: number | undefined,
): ReplyIntent | null {
  const last = completions[completions.length - 1]!.at;
  const sameBefore = (list: Array<{ at: number }>, c: { at: number }) =>
    list.some((m) => m.at < c.at && sentence[m.at] === sentence[c.at]);
  const negations = found(NEGATION);
  const requires = found(REQUIRE).filter((m) => m.at === 0 || matchAt(tokens, m.at - 1, THEO) === 0);
  for (const c of completions) {
    if (sameBefore(found(EXHORTATION), c) || sameBefore(requires, c)) return "unknown";
    // "Ai đã xong thì báo cáo nhé", "Xong thì báo nhé": a call to colleagues or a condition, never one's own report.
    if (sameBefore(found(CONDITIONAL_LEAD), c)) return "unknown";
    if (found(THEN).some((m) => m.at >= c.at + c.len && sentence[m.at] === sentence[c.at])) return "unknown";
  }
  if (negations.some((n) => n.at < last)) return "progress";
  for (const c of completions) {
    const end = c.at + c.len;
    const after = (list: Array<{ at: number }>, window: number) =>
      list.some((m) => m.at >= end && m.at < end + window && sentence[m.at] === sentence[c.at]);
    if (after(negations, 99) || after(found(PARTIAL_AFTER), 3) || fractionAfter(tokens, end)) return "progress";
    if (sameBefore(found(PROGRESSIVE_MODAL), c)) return "progress";
    if (sameBefore(found(MODAL), c)) return "unknown";
    if (after(found(BEFORE), 2) && !sameBefore(found(PAST), c)) return "unknown";
  }
  if (percent !== undefined && percent < 100) return "progress";
  return null;
}

/** "hoàn thành 2/3 nội dung", "xong 3 trên 5": a fraction of the work shortly after the completion word (not a date). */
function fractionAfter(tokens: Token[], end: number): boolean {
  for (let j = end; j < end + 3 && j + 2 < tokens.length; j++) {
    const a = tokens[j]!.raw;
    if (!/^\d+$/.test(a) || (j > 0 && matchAt(tokens, j - 1, DAY_WORD) > 0)) continue;
    const sep = tokens[j + 1]!.raw === "/" ? 1 : matchAt(tokens, j + 1, OVER);
    const b = tokens[j + 1 + sep]?.raw ?? "";
    if (sep > 0 && /^\d+$/.test(b) && Number(a) < Number(b)) return true;
  }
  return false;
}

function isQuestion(tokens: Token[], masked: Set<number>, found: Finder): boolean {
  if (tokens.some((t) => t.raw === "?")) return true;
  if (found(QUESTION_ANYWHERE).length > 0) return true;
  // A final particle ends a sentence: the last word before a sentence end, skipping polite words.
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word || masked.has(i)) continue;
    const len = matchAt(tokens, i, QUESTION_FINAL);
    if (len === 0) continue;
    let j = i + len;
    while (j < tokens.length && tokens[j]!.word && matchAt(tokens, j, TRAILING) > 0) j += matchAt(tokens, j, TRAILING);
    if (j >= tokens.length || SENTENCE_END.has(tokens[j]!.raw)) return true;
  }
  return false;
}

/**
 * "không có vướng mắc gì", "không gặp khó khăn ạ" say there is no problem: such spans (ending a clause) are masked so
 * that neither their negation nor their difficulty word counts.
 */
function benignNegations(tokens: Token[]): Set<number> {
  const masked = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (matchAt(tokens, i, NEGATION) === 0) continue;
    for (let j = i + 1; j <= i + 3 && j < tokens.length && tokens[j]!.word; j++) {
      if (matchAt(tokens, j, COMPLETION) > 0) break;
      const len = matchAt(tokens, j, BENIGN_AFTER_NEGATION);
      if (len === 0) continue;
      let end = j + len;
      while (end < tokens.length && tokens[end]!.word && matchAt(tokens, end, BENIGN_AFTER_NEGATION.concat(TRAILING)) > 0) {
        end += matchAt(tokens, end, BENIGN_AFTER_NEGATION.concat(TRAILING));
      }
      if (end < tokens.length && tokens[end]!.word) break;
      for (let k = i; k < end; k++) masked.add(k);
      break;
    }
  }
  return masked;
}

function sentenceIndexes(tokens: Token[]): number[] {
  let s = 0;
  return tokens.map((t) => (SENTENCE_END.has(t.raw) ? s++ : s));
}

function findPercent(tokens: Token[]): number | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (/^\d{1,3}$/.test(tokens[i]!.raw) && tokens[i + 1]!.raw === "%") {
      const n = Number(tokens[i]!.raw);
      if (n <= 100) return n;
    }
  }
  return undefined;
}

/** Numbers right after a completion/progress/task word: "xong 2, 3", "tiến độ 3:", "nhiệm vụ 2 và 4". */
function findTaskNumbers(tokens: Token[]): number[] {
  const numbers: number[] = [];
  const anchors = [COMPLETION, PROGRESS, TASK_WORD];
  for (let i = 0; i < tokens.length; i++) {
    const len = Math.max(...anchors.map((a) => matchAt(tokens, i, a)));
    if (len === 0) continue;
    let j = i + len;
    j += matchAt(tokens, j, TASK_WORD);
    while (j < tokens.length && isTaskNumber(tokens, j)) {
      const n = Number(tokens[j]!.raw);
      if (!numbers.includes(n)) numbers.push(n);
      const join = matchAt(tokens, j + 1, LIST_JOIN);
      if (join === 0) break;
      j += 1 + join;
    }
  }
  return numbers;
}

function isTaskNumber(tokens: Token[], j: number): boolean {
  if (!/^\d{1,3}$/.test(tokens[j]!.raw) || Number(tokens[j]!.raw) === 0) return false;
  const next = tokens[j + 1];
  if (!next) return true;
  if (next.raw === "%" || next.raw === "/") return false;
  if (next.raw === "." && /^\d/.test(tokens[j + 2]?.raw ?? "")) return false;
  return matchAt(tokens, j + 1, NOT_TASK_AFTER) === 0;
}

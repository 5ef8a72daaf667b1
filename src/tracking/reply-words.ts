import { normalizeVietnamese, stripDiacritics } from "../text/vietnamese.js";

/**
 * Tokens of a chat reply, and phrase matching that tolerates missing diacritics without confusing words that differ
 * only by them: "xong" matches "xong" and "xong", "hoan" matches "hoàn" but "hoãn" (postpone) does not, "đăng" (post)
 * is not "đang" (in progress). A token matches a pattern word when its marks are a subset of the word's marks.
 */
export interface Token {
  /** NFC, lower case, new tone placement. */
  readonly raw: string;
  /** Without diacritics. */
  readonly bare: string;
  /** Letters and digits; punctuation tokens ("?", "%", ",", "/", ":") are not words. */
  readonly word: boolean;
}

export function tokenize(text: string): Token[] {
  const norm = normalizeVietnamese(text);
  // Letters and digits split apart, so "nv3" reads as "nv 3".
  const parts = norm.match(/[\p{L}\p{M}]+|\p{N}+|[?%,.;:!/&+\n-]/gu) ?? [];
  return parts.map((raw) => ({ raw, bare: stripDiacritics(raw), word: /[\p{L}\p{N}]/u.test(raw) }));
}

/** Each character as base letter + set of marks (đ counts as d + a stroke mark). */
function decompose(word: string): Array<[string, string]> {
  return [...word.normalize("NFC")].map((ch) => {
    if (ch === "đ") return ["d", "\u0111"];
    const nfd = ch.normalize("NFD");
    return [nfd[0] ?? "", nfd.slice(1)];
  });
}

const compatCache = new Map<string, boolean>();

/** True when `token` is `word` with zero or more diacritics left out. */
export function compatible(token: string, word: string): boolean {
  if (token === word) return true;
  const key = `${token}\u0000${word}`;
  const hit = compatCache.get(key);
  if (hit !== undefined) return hit;
  const t = decompose(token);
  const w = decompose(word);
  const ok = t.length === w.length && t.every(([base, marks], i) => {
    const [wBase, wMarks] = w[i]!;
    return base === wBase && [...marks].every((m) => wMarks.includes(m));
  });
  if (compatCache.size < 10_000) compatCache.set(key, ok);
  return ok;
}

/** A phrase is a list of words; `phrase("hoàn thành")`. */
export type Phrase = readonly string[];
export const phrases = (...list: string[]): Phrase[] => list.map((p) => normalizeVietnamese(p).split(" "));

// Phrases of a list indexed by their first word without diacritics: a token is compared only with phrases that can
// start with it.
const indexes = new WeakMap<readonly Phrase[], Map<string, Phrase[]>>();
function indexOf(list: readonly Phrase[]): Map<string, Phrase[]> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const p of list) {
      const first = stripDiacritics(p[0] ?? "");
      index.set(first, [...(index.get(first) ?? []), p]);
    }
    indexes.set(list, index);
  }
  return index;
}

/** Length of the phrase from `list` matching at token index `i` (longest wins), or 0. */
export function matchAt(tokens: readonly Token[], i: number, list: readonly Phrase[]): number {
  const token = tokens[i];
  if (!token) return 0;
  const candidates = indexOf(list).get(token.bare);
  if (!candidates) return 0;
  let best = 0;
  for (const p of candidates) {
    if (p.length <= best || i + p.length > tokens.length) continue;
    if (p.every((w, k) => compatible(tokens[i + k]!.raw, w))) best = p.length;
  }
  return best;
}

/** Indexes where any phrase of `list` starts. */
export function findAll(tokens: readonly Token[], list: readonly Phrase[]): Array<{ at: number; len: number }> {
  const out: Array<{ at: number; len: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const len = matchAt(tokens, i, list);
    if (len > 0) out.push({ at: i, len });
  }
  return out;
}

export const COMPLETION = phrases("hoàn thành", "xong", "hoàn tất", "done", "finished", "completed", "complete");
export const NEGATION = phrases(
  "chưa", "không", "ko", "k", "kg", "kh", "khg", "hông", "hok", "chẳng", "chả", "chx", "đâu", "not", "no", "never",
);
/** Future, intention, approximation, purpose: a completion word after these is not a report of completion. */
export const MODAL = phrases(
  "sắp", "gần", "sẽ", "đang", "chuẩn bị", "cố gắng", "phấn đấu", "dự kiến", "cần", "phải", "hãy", "nên", "để", "kịp",
  "mong", "chờ", "đợi", "muốn", "nếu", "khi", "cơ bản", "bước đầu", "chắc", "có lẽ", "hình như", "will", "soon",
  "almost", "nearly", "maybe", "probably",
);
/** Orders and reminders written by leaders ("đề nghị các đơn vị khẩn trương hoàn thành"). */
export const EXHORTATION = phrases(
  "đề nghị", "khẩn trương", "đôn đốc", "nhắc", "lưu ý", "chỉ đạo", "nhanh chóng", "tập trung", "please",
);
/**
 * A call to colleagues or a condition before a completion word ("Ai đã xong thì báo cáo nhé", "Nếu xong thì gửi",
 * "Khi nào xong thì báo"): the writer speaks of someone else's, or a future, completion, never reports their own.
 */
export const CONDITIONAL_LEAD = phrases(
  "ai", "ai mà", "ai đã", "nếu", "nếu như", "hễ", "giả sử", "trường hợp", "khi nào", "lúc nào", "bao giờ", "khi",
  "đơn vị nào", "bên nào", "nơi nào", "người nào", "đồng chí nào", "anh chị nào", "cơ quan nào", "sở nào", "xã nào",
  "if", "whoever", "anyone", "once", "when",
);
/** "… xong thì báo": "thì" after a completion word turns it into the condition of what follows. */
export const THEN = phrases("thì", "then");
/** "yêu cầu" is an order unless it is "theo yêu cầu" (as required). */
export const REQUIRE = phrases("yêu cầu");
/** After a completion word: only part of the work ("xong phần 1", "hoàn thành một phần"). */
export const PARTIAL_AFTER = phrases("phần", "một phần", "bước", "giai đoạn", "sơ bộ", "nửa", "một nửa", "cơ bản", "part", "half");
export const PAST = phrases("đã", "rồi", "vừa", "mới");
export const QUESTION_ANYWHERE = phrases(
  "nào", "bao giờ", "bao nhiêu", "thế nào", "ra sao", "làm sao", "tại sao", "vì sao", "cho em hỏi", "cho hỏi",
  "xin hỏi", "em hỏi", "có phải", "phải không", "đúng không", "được không",
);
/** Question particles that count only at the end of a sentence ("xong chưa", "hoàn thành không ạ"). */
export const QUESTION_FINAL = phrases("chưa", "không", "ko", "k", "hả", "nhỉ", "chứ", "sao", "gì");
/** Polite and address words that may follow a final question particle. */
export const TRAILING = phrases("ạ", "a", "vậy", "nhé", "nha", "anh", "chị", "em", "ơi", "đồng chí", "ad", "sếp");
export const DIFFICULTY = phrases(
  "vướng", "vướng mắc", "khó khăn", "trở ngại", "bất cập", "thiếu", "chưa có kinh phí", "không có kinh phí",
  "hết kinh phí", "chưa được cấp", "không thể", "không kịp", "chưa kịp", "gia hạn", "lùi hạn", "xin hoãn",
  // Asking for more time (tracking/extension-request.ts turns these into an extension request when a date is named).
  "lùi thời hạn", "kéo dài thời hạn", "kéo dài thời gian", "thêm thời gian", "extension", "extend", "more time",
  "quá tải", "vấn đề", "problem", "blocked", "stuck",
);
/** Difficulty words that, after a negation, mean "no difficulty" ("không có vướng mắc gì"). */
export const BENIGN_AFTER_NEGATION = phrases("vướng", "vướng mắc", "khó khăn", "trở ngại", "vấn đề", "gì");
export const PROGRESS = phrases(
  "đang", "tiến độ", "đạt", "triển khai", "thực hiện được", "sắp", "gần", "cơ bản", "một phần", "in progress",
  "working",
);
/** Words naming a task before its number ("xong nhiệm vụ 2", "tiến độ mục 3"). */
export const TASK_WORD = phrases("nhiệm vụ", "nv", "mục", "việc", "task", "item", "số", "nội dung", "ý");
export const LIST_JOIN = phrases(",", "và", "va", "&", "+", "and");

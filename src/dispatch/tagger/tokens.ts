/**
 * Tokens for the assignee tagger: words (with joined abbreviations such as "TT&TT", "LĐ-TB&XH" kept whole, since the
 * name canonicaliser expands them as one) and single punctuation marks, with their offsets in the text.
 */
import { stripDiacritics } from "../../text/vietnamese.js";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case as written. */
  low: string;
  /** Lower case without diacritics ("Uỷ" → "uy"): tone placement and missing marks do not split a feature. */
  fold: string;
  word: boolean;
  /** A line break lies between this token and the one before (or it is the first). */
  lineStart: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[&\-–][\p{L}\p{M}\p{N}]+)*|\S/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;

// Folding is the costly part of tokenising; the same few thousand words recur in every dispatch.
const FOLD_CACHE = new Map<string, string>();
export function fold(low: string): string {
  let f = FOLD_CACHE.get(low);
  if (f === undefined) {
    f = stripDiacritics(low.normalize("NFC"));
    if (FOLD_CACHE.size >= 20000) FOLD_CACHE.clear();
    FOLD_CACHE.set(low, f);
  }
  return f;
}

/** At most `max` tokens: the tagger reads where a task names its bodies, not a whole annex. */
export function tokenize(text: string, max = Infinity): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (out.length >= max) break;
    const t = m[0];
    const low = t.toLowerCase();
    const start = m.index;
    out.push({ text: t, start, end: start + t.length, low, fold: fold(low), word: WORD.test(t), lineStart: out.length === 0 || text.slice(prevEnd, start).includes("\n") });
    prevEnd = start + t.length;
  }
  return out;
}

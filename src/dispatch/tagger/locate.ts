/**
 * Where a body's name stands in a tokenised text, compared as the scorer compares names: canonical pieces (NFC, lower
 * case, abbreviations expanded, no diacritics), exactly in sequence, or else the window sharing ≥ 75 % of its words.
 * Used offline to turn gold names into token labels and at read time to find the rule reader's names.
 */
import { canonicalName } from "../names.js";
import { foldKey } from "../../text/vietnamese.js";
import type { Token } from "./tokens.js";

export type Span = [start: number, end: number];

const pieces = (s: string): string[] => {
  const k = foldKey(canonicalName(s));
  return k ? k.split(" ") : [];
};

// Each token's pieces with the token they come from ("UBND" → 4 pieces of one token).
function piecesOf(tokens: Token[]): { p: string[]; tok: number[] } {
  const p: string[] = [];
  const tok: number[] = [];
  tokens.forEach((t, i) => {
    if (!t.word) return;
    for (const x of pieces(t.text)) {
      p.push(x);
      tok.push(i);
    }
  });
  return { p, tok };
}

// "các" in front of a collective and a title in front of a body belong to the name as written.
const EXTEND_BACK = new Set(["cac", "tat", "ca"]);

function widen(tokens: Token[], s: number, e: number): Span {
  while (s > 0 && tokens[s - 1]!.word && EXTEND_BACK.has(tokens[s - 1]!.fold)) s--;
  return [s, e];
}

/** The first place at or after token `from` where `name` stands; null when it is nowhere near. */
export function locate(tokens: Token[], name: string, from = 0, cache?: { p: string[]; tok: number[] }): Span | null {
  const want = pieces(name);
  if (want.length === 0) return null;
  const { p, tok } = cache ?? piecesOf(tokens);
  const k0 = tok.findIndex((t) => t >= from);
  if (k0 < 0) return null;
  for (let k = k0; k + want.length <= p.length; k++) {
    let ok = true;
    for (let j = 0; j < want.length && ok; j++) ok = p[k + j] === want[j];
    if (ok) return widen(tokens, tok[k]!, tok[k + want.length - 1]! + 1);
  }
  // Fuzzy: the window of about the name's length sharing most words (the scorer's Jaccard ≥ 0.75).
  const w = new Set(want);
  let best: Span | null = null;
  let bestJ = 0.75 - 1e-9;
  for (let k = k0; k < p.length; k++) {
    if (!w.has(p[k]!)) continue;
    for (let len = Math.max(1, want.length - 2); len <= want.length + 2 && k + len <= p.length; len++) {
      const got = new Set(p.slice(k, k + len));
      let inter = 0;
      for (const x of got) if (w.has(x)) inter++;
      const j = inter / (got.size + w.size - inter);
      if (j > bestJ) {
        bestJ = j;
        best = widen(tokens, tok[k]!, tok[k + len - 1]! + 1);
      }
    }
  }
  return best;
}

export function tokenPieces(tokens: Token[]): { p: string[]; tok: number[] } {
  return piecesOf(tokens);
}

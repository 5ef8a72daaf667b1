/**
 * Features of each token for the assignee tagger: the word and its neighbours (±2, folded), capitalisation, the
 * reader's own lexicons (a body's head noun starts here, a verb or marker word ends a subject here), the nearest
 * governing phrase before and after it in its clause ("đề nghị", "giao", "chủ trì", "phối hợp với", "chỉ đạo", "gửi
 * về" …) with its distance, where it stands in its line and item, and what the rule reader made of it.
 */
import { bodyHeadAt, STOP_RE } from "../bodies.js";
import type { Token } from "./tokens.js";

/** What the rule reader says of a token: outside any assignee, or inside one it reads as lead or as partner. */
export const RULE_NONE = 0;
export const RULE_LEAD = 1;
export const RULE_COORD = 2;

// Governing phrases, folded. Longest first so "phoi hop voi" wins over "phoi hop".
const CUES = [
  "co trach nhiem", "chiu trach nhiem", "phoi hop voi", "phoi ket hop", "tao dieu kien", "kinh gui", "kinh moi",
  "de nghi", "yeu cau", "chu tri", "phoi hop", "chi dao", "huong dan", "tham muu", "thuc hien", "trien khai", "bao cao",
  "gui ve", "gui", "giao", "qua", "voi", "moi", "cung", "cua", "cho", "giup", "theo", "tai", "ve", "va", "den", "toi",
].map((c) => c.split(" "));

const CLAUSE_END = new Set([".", ";", "!", "?"]);

function shape(t: Token): string {
  if (!t.word) return t.text;
  if (/^\p{N}+$/u.test(t.text)) return "0";
  if (t.text === t.text.toUpperCase() && t.text.length > 1) return "AA";
  return /^\p{Lu}/u.test(t.text) ? "Aa" : "a";
}

const bucket = (d: number) => (d <= 0 ? "0" : d === 1 ? "1" : d === 2 ? "2" : d <= 4 ? "3-4" : d <= 8 ? "5-8" : "9+");

function cueAt(tokens: Token[], i: number): [string, number] | null {
  for (const c of CUES) {
    if (i + c.length > tokens.length) continue;
    let ok = true;
    for (let j = 0; j < c.length && ok; j++) ok = tokens[i + j]!.fold === c[j];
    if (ok) return [c.join("_"), c.length];
  }
  return null;
}

/**
 * One list of feature names per token. `rule` holds the rule reader's reading of each token (RULE_*), if known; with
 * `only`, tokens outside it get no features (the phrases before and after are still found over all tokens).
 */
export function tokenFeatures(text: string, tokens: Token[], rule?: Uint8Array, only?: Uint8Array): string[][] {
  const n = tokens.length;
  const head = new Uint8Array(n); // 1: a body's head noun starts here; 2: inside that head
  const stop = new Uint8Array(n);
  const cue: ([string, number] | null)[] = new Array(n).fill(null);
  let inCue = -1; // the words of "phối hợp với" do not start phrases of their own ("với")
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    if (i > inCue) {
      cue[i] = cueAt(tokens, i);
      if (cue[i]) inCue = i + cue[i]![1] - 1;
    }
    // Head and verb tests are the costly ones: only where a feature will read them (a token and its neighbours).
    if (only && !only[i] && !only[i - 1] && !only[i + 1]) continue;
    if (head[i] === 0) {
      const len = bodyHeadAt(text.slice(t.start, t.start + 80));
      if (len > 0) {
        head[i] = 1;
        for (let j = i + 1; j < n && tokens[j]!.start < t.start + len; j++) head[j] = 2;
      }
    }
    // Verbs are lower case: a capitalised word is part of a name.
    if (t.text[0] === t.low[0] && STOP_RE.test(text.slice(t.start, t.start + 40))) stop[i] = 1;
  }
  // Nearest cue before and after each token within its clause; index in line; whether the line opens an item.
  const prevCue: [string, number][] = new Array(n);
  let last: [string, number] = ["^", -1];
  let lineIdx = 0;
  const posInLine = new Uint16Array(n);
  const itemLine = new Uint8Array(n);
  let item = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.lineStart) {
      lineIdx = 0;
      last = ["^", i - 1];
      item = /^[-–+•*]$|^\p{N}+$|^[IVXivx]+$|^[a-zđ]$/u.test(t.text) ? 1 : 0;
    }
    posInLine[i] = lineIdx++;
    itemLine[i] = item;
    prevCue[i] = [last[0], i - last[1]];
    // Distance counts from the phrase's last word: "Đề nghị Sở …" puts "Sở" at 1.
    if (cue[i]) last = [cue[i]![0], i + cue[i]![1] - 1];
    if (!t.word && CLAUSE_END.has(t.text)) last = [t.text, i];
  }
  const nextCue: [string, number][] = new Array(n);
  let next: [string, number] = ["$", n];
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i]!;
    nextCue[i] = [next[0], next[1] - i];
    if (cue[i]) next = [cue[i]![0], i];
    if ((!t.word && CLAUSE_END.has(t.text)) || t.lineStart) next = [t.lineStart ? "$" : t.text, i];
  }
  const w = (i: number) => (i < 0 ? "<s>" : i >= n ? "</s>" : tokens[i]!.word ? tokens[i]!.fold : tokens[i]!.text);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (only && !only[i]) {
      out.push([]);
      continue;
    }
    const f = [
      "b",
      `w=${t.low}`,
      `f=${t.fold}`,
      `f-1=${w(i - 1)}`,
      `f+1=${w(i + 1)}`,
      `f-2=${w(i - 2)}`,
      `f+2=${w(i + 2)}`,
      `f-1f=${w(i - 1)}|${t.fold}`,
      `ff+1=${t.fold}|${w(i + 1)}`,
      `s=${shape(t)}`,
      `s-1s+1=${i > 0 ? shape(tokens[i - 1]!) : "<s>"}|${i + 1 < n ? shape(tokens[i + 1]!) : "</s>"}`,
      `h=${head[i]}`,
      `h-1h=${i > 0 ? head[i - 1] : 9}|${head[i]}`,
      `st=${stop[i]}`,
      `st+1=${i + 1 < n ? stop[i + 1] : 9}`,
      `pc=${prevCue[i]![0]}`,
      `pcd=${prevCue[i]![0]}|${bucket(prevCue[i]![1])}`,
      `nc=${nextCue[i]![0]}`,
      `ncd=${nextCue[i]![0]}|${bucket(nextCue[i]![1])}`,
      `pcnc=${prevCue[i]![0]}|${nextCue[i]![0]}`,
      `pl=${bucket(posInLine[i]!)}|${itemLine[i]}`,
      `ti=${bucket(i)}`,
    ];
    if (t.lineStart) f.push("ls");
    if (rule) {
      const r = (j: number) => (j < 0 || j >= n ? 9 : rule[j]);
      f.push(`r=${r(i)}`, `r-1r=${r(i - 1)}|${r(i)}`, `rr+1=${r(i)}|${r(i + 1)}`, `rh=${r(i)}|${head[i]}`);
    }
    out.push(f);
  }
  return out;
}

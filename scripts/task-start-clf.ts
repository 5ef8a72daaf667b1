/**
 * Experiment (decision 0105, session 20): can a sentence classifier on lexical features alone — no rule output — find
 * the gold tasks the rule reader misses? Each document is cut into units (lines, and sentences within a line); a unit is
 * positive when a gold task's quote starts in it. Logistic regression (SGD, fixed order), 5 folds by document.
 * Reports, out of fold: unit P/R/F1, and for the gold tasks the rules miss (the scorer's matching), how many the
 * classifier flags in a unit no rule task covers, and the precision of such "rescue" flags.
 *
 *   npx tsx scripts/task-start-clf.ts scratch/tune
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDispatch } from "../src/dispatch/reader.js";
import { stripDiacritics } from "../src/text/vietnamese.js";

const TONE_FIX = [["oà", "òa"], ["oá", "óa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"], ["oè", "òe"], ["oé", "óe"], ["oẻ", "ỏe"], ["oẽ", "õe"], ["oẹ", "ọe"], ["uỳ", "ùy"], ["uý", "úy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"]];
const vn = (s: string) => { let t = (s ?? "").normalize("NFC").toLowerCase(); for (const [a, b] of TONE_FIX) t = t.split(a!).join(b!); return t; };
const flat = (s: string) => vn(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

const dirs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (dirs.some((d) => /heldout/i.test(d))) throw new Error("never a held-out folder");

interface Unit { text: string; flat: string; feats: string[]; y: number; covered: boolean; rescue: boolean }
interface Doc { units: Unit[]; missed: number }

// Units: lines; a line holding several sentences is cut after ". " before a capital.
function unitsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n/)) {
    const l = line.trim();
    if (!flat(l)) continue;
    for (const s of l.split(/(?<=[.;!?])\s+(?=[\p{Lu}\-–+•])/u)) if (flat(s)) out.push(s);
  }
  return out;
}

const bucket = (d: number) => (d <= 0 ? "0" : d === 1 ? "1" : d === 2 ? "2" : d <= 4 ? "3-4" : d <= 8 ? "5-8" : d <= 16 ? "9-16" : d <= 40 ? "17-40" : "41+");
function features(us: string[], i: number): string[] {
  const u = us[i]!;
  const w = stripDiacritics(flat(u)).split(" ");
  const f = ["b", `w0=${w[0]}`, `w01=${w[0]}|${w[1] ?? ""}`, `w012=${w[0]}|${w[1] ?? ""}|${w[2] ?? ""}`, `len=${bucket(w.length)}`, `pos=${bucket(i)}`, `rpos=${Math.floor((10 * i) / us.length)}`];
  const mk = /^\s*([-–+•*]|\d+(?:\.\d+)*[.)/]?|[a-zđ][.)]|[IVX]+[.)/]?)\s/u.exec(u);
  f.push(`mk=${mk ? (/^\d/.test(mk[1]!) ? (mk[1]!.includes(".") && /\d\.\d/.test(mk[1]!) ? "1.1" : "1") : /^[IVX]/.test(mk[1]!) ? "I" : /^[a-zđ]/.test(mk[1]!) ? "a" : mk[1]) : "none"}`);
  f.push(`upper=${u === u.toUpperCase() && /\p{L}/u.test(u)}`, `end=${u.trim().slice(-1).replace(/[\p{L}\p{N}]/u, "w")}`);
  const prev = i > 0 ? us[i - 1]!.trim().slice(-1).replace(/[\p{L}\p{N}]/u, "w") : "^";
  f.push(`pend=${prev}`);
  const seen = new Set<string>();
  for (let k = 0; k < w.length && k < 40; k++) {
    const a = `u=${w[k]}`, b = `bi=${w[k]}|${w[k + 1] ?? ""}`;
    if (!seen.has(a)) seen.add(a), f.push(a);
    if (!seen.has(b)) seen.add(b), f.push(b);
    if (k < 8) f.push(`e${k}=${w[k]}`);
  }
  return f;
}

const docs: Doc[] = [];
let missedTotal = 0, goldTotal = 0, unlocated = 0;
for (const dir of dirs)
  for (const g of readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort()) {
    const id = g.slice(0, -10);
    const text = readFileSync(join(dir, `${id}.txt`), "utf8");
    const gold = (JSON.parse(readFileSync(join(dir, g), "utf8")).tasks ?? []) as { quote: string; implicit?: boolean }[];
    const tasks = readDispatch(text, { refDate: "2026-12-07" }).tasks.filter((t) => t.assignees.length > 0);
    const us = unitsOf(text);
    const fl = us.map(flat);
    const starts: number[] = [];
    let pos = 0;
    for (const x of fl) { starts.push(pos); pos += x.length + 1; }
    const joined = fl.join(" ");
    const unitAt = (p: number) => { let k = 0; while (k + 1 < starts.length && starts[k + 1]! <= p) k++; return k; };
    const tflat = tasks.map((t) => flat(t.text));
    // The scorer's matching: which gold tasks the rules miss.
    const used = new Set<number>();
    const units: Unit[] = us.map((u, i) => ({ text: u, flat: fl[i]!, feats: features(us, i), y: 0, covered: tflat.some((t) => t.includes(fl[i]!)), rescue: false }));
    let missed = 0;
    for (const gt of gold) {
      goldTotal++;
      const q = flat(gt.quote);
      let best = -1, bp = Infinity;
      tflat.forEach((t, k) => { if (used.has(k)) return; const p = t.indexOf(q); if (p >= 0 && p < bp) { best = k; bp = p; } });
      if (best >= 0) used.add(best);
      const at = joined.indexOf(q);
      if (at < 0) { unlocated++; if (best < 0) { missed++; missedTotal++; } continue; }
      const u = units[unitAt(at)]!;
      u.y = 1;
      if (best < 0) { missed++; missedTotal++; u.rescue = true; }
    }
    docs.push({ units, missed });
  }

function train(ds: Doc[], epochs = 6): Map<string, number> {
  const w = new Map<string, number>();
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const all = ds.flatMap((d) => d.units);
  const order = all.map((_, i) => i);
  let step = 0;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const k of order) {
      const u = all[k]!;
      const z = u.feats.reduce((s, f) => s + (w.get(f) ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const lr = 0.5 / (1 + step++ / 20000);
      const g = (u.y - p) * lr;
      for (const f of u.feats) w.set(f, (w.get(f) ?? 0) * (1 - 1e-5) + g);
    }
  }
  return w;
}

const K = 5;
const TH = [0.3, 0.5, 0.7, 0.9];
const acc = TH.map(() => ({ tp: 0, fp: 0, fn: 0, rescued: 0, rescueFlags: 0, rescueRight: 0 }));
for (let k = 0; k < K; k++) {
  const w = train(docs.filter((_, d) => d % K !== k));
  docs.forEach((d, di) => {
    if (di % K !== k) return;
    for (const u of d.units) {
      const p = 1 / (1 + Math.exp(-u.feats.reduce((s, f) => s + (w.get(f) ?? 0), 0)));
      TH.forEach((th, i) => {
        const a = acc[i]!;
        const yes = p >= th;
        if (yes && u.y) a.tp++; else if (yes) a.fp++; else if (u.y) a.fn++;
        // A rescue flag: a unit flagged that no rule task (with a body) covers.
        if (yes && !u.covered) { a.rescueFlags++; if (u.rescue) a.rescueRight++; }
        if (yes && u.rescue) a.rescued++;
      });
    }
  });
}
console.log(`docs ${docs.length}, units ${docs.reduce((s, d) => s + d.units.length, 0)}, positive ${docs.reduce((s, d) => s + d.units.filter((u) => u.y).length, 0)}; gold tasks ${goldTotal}, missed by the rules ${missedTotal} (quote not found in the text: ${unlocated})`);
TH.forEach((th, i) => {
  const a = acc[i]!;
  const P = a.tp / (a.tp + a.fp || 1), R = a.tp / (a.tp + a.fn || 1);
  console.log(`p ≥ ${th}: unit P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / (P + R || 1)).toFixed(3)} | missed gold tasks flagged ${a.rescued}/${missedTotal}; flags outside rule tasks ${a.rescueFlags}, of which a missed task's start ${a.rescueRight} (precision ${(a.rescueRight / (a.rescueFlags || 1)).toFixed(3)})`);
});

/**
 * A compact port of the evaluation scorer (../shared/eval/score.mjs, which `npm test` may not read): the same task
 * matching (gold quote inside the predicted text, letters and digits only), the same name canonicalisation and
 * ≥ 75 % word overlap, the same deadline and header rules. Used to guard the reader's figures on real dispatches.
 */
import type { ParsedDispatch } from "../../../src/dispatch/schema.js";

export interface GoldTask {
  ref: string;
  quote: string;
  assignees: Array<{ name: string; role: string }>;
  implicit: boolean;
  deadline: { date: string | null; recurrence: string | null } | null;
}
export interface Gold {
  id: string;
  doc: { number: string | null; date: string | null; subject: string | null; recipients: string[] };
  tasks: GoldTask[];
}

const TONE_FIX: Array<[string, string]> = [
  ["oà", "òa"], ["oá", "óa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"], ["oè", "òe"], ["oé", "óe"], ["oẻ", "ỏe"],
  ["oẽ", "õe"], ["oẹ", "ọe"], ["uỳ", "ùy"], ["uý", "úy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"],
];
function vn(s: string | null | undefined): string {
  let t = (s ?? "").normalize("NFC").toLowerCase();
  for (const [a, b] of TONE_FIX) t = t.split(a).join(b);
  return t;
}
const flat = (s: string | null | undefined) => vn(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, "gu");
const ABBR: Array<[RegExp, string]> = ([
  ["ubnd", "ủy ban nhân dân"], ["hđnd", "hội đồng nhân dân"], ["ubmttq", "ủy ban mặt trận tổ quốc"],
  ["mttq", "mặt trận tổ quốc"], ["ctđ", "chữ thập đỏ"], ["btv", "ban thường vụ"], ["tw", "trung ương"],
  ["vn", "việt nam"], ["lđtbxh", "lao động thương binh và xã hội"], ["tt tt", "thông tin và truyền thông"],
  ["tttt", "thông tin và truyền thông"], ["gd đt", "giáo dục và đào tạo"], ["gdđt", "giáo dục và đào tạo"],
  ["ctxh", "chính trị xã hội"], ["tp", "thành phố"], ["tnhh", "trách nhiệm hữu hạn"], ["tncs", "thanh niên cộng sản"],
  ["bhxh", "bảo hiểm xã hội"], ["bcđ", "ban chỉ đạo"], ["tn mt", "tài nguyên và môi trường"], ["tnmt", "tài nguyên và môi trường"],
  ["nn ptnt", "nông nghiệp và phát triển nông thôn"], ["nnptnt", "nông nghiệp và phát triển nông thôn"], ["lđlđ", "liên đoàn lao động"],
] as Array<[string, string]>).map(([a, b]) => [word(a), b]);
const LEADING = /^(các|đề nghị|giao|ông bà|ông|bà|đồng chí|giám đốc|phó giám đốc|thủ trưởng|chủ tịch|phó chủ tịch|trưởng|hiệu trưởng|người đứng đầu|bí thư)\s+/;
function canonName(s: string): string {
  let t = flat(s);
  for (const [re, rep] of ABBR) t = t.replace(re, rep);
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(LEADING, "");
  }
  return t.replace(/\s+/g, " ").trim();
}
function nameMatch(a: string, b: string): boolean {
  const ca = canonName(a);
  const cb = canonName(b);
  if (ca === cb) return true;
  const ta = new Set(ca.split(" "));
  const tb = new Set(cb.split(" "));
  let inter = 0;
  for (const x of ta) if (tb.has(x)) inter++;
  return inter / (ta.size + tb.size - inter || 1) >= 0.75;
}
function matchNames(gold: Array<{ name: string; role: string }>, pred: Array<{ name: string; role: string }>): number {
  const used = new Set<number>();
  let hit = 0;
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && p.role === g.role && nameMatch(p.name, g.name));
    if (j >= 0) (used.add(j), hit++);
  }
  return hit;
}

export interface Totals {
  gold: number; pred: number; hit: number; aGold: number; aPred: number; aHit: number;
  dGold: number; dPred: number; dHit: number; fields: number; fieldsHit: number;
}
export const emptyTotals = (): Totals => ({ gold: 0, pred: 0, hit: 0, aGold: 0, aPred: 0, aHit: 0, dGold: 0, dPred: 0, dHit: 0, fields: 0, fieldsHit: 0 });

/** Adds one document's counts to `T`. */
export function scoreDocument(gold: Gold, parsed: ParsedDispatch, T: Totals): void {
  const ptasks = parsed.tasks.filter((p) => p.assignees.length > 0);
  T.gold += gold.tasks.length;
  T.pred += ptasks.length;
  const used = new Set<number>();
  for (const g of gold.tasks) {
    const q = flat(g.quote);
    let best = -1;
    let bestPos = Infinity;
    ptasks.forEach((p, k) => {
      if (used.has(k)) return;
      const pos = flat(p.text).indexOf(q);
      if (pos >= 0 && pos < bestPos) (best = k), (bestPos = pos);
    });
    T.aGold += g.assignees.length;
    if (g.deadline) T.dGold++;
    if (best < 0) continue;
    used.add(best);
    T.hit++;
    const p = ptasks[best]!;
    T.aPred += p.assignees.length;
    T.aHit += matchNames(g.assignees, p.assignees);
    if (p.deadline) T.dPred++;
    if (g.deadline && p.deadline && p.deadline.date === g.deadline.date && (p.deadline.recurrence ?? null) === (g.deadline.recurrence ?? null)) T.dHit++;
  }
  ptasks.forEach((p, k) => {
    if (used.has(k)) return;
    T.aPred += p.assignees.length;
    if (p.deadline) T.dPred++;
  });
  const strip = (s: string | null) => (s ?? "").replace(/\s+/g, "");
  const near = (a: string, b: string) => {
    const x = flat(a);
    const y = flat(b);
    return x === y || (x.length > 10 && (x.includes(y) || y.includes(x)) && Math.min(x.length, y.length) / Math.max(x.length, y.length) > 0.8);
  };
  const checks: Array<[keyof Gold["doc"], (a: string, b: string) => boolean]> = [
    ["number", (a, b) => strip(a) === strip(b)],
    ["date", (a, b) => a === b],
    ["subject", near],
  ];
  for (const [k, eq] of checks) {
    const g = gold.doc[k] as string | null;
    if (g == null) continue;
    T.fields++;
    const p = parsed.doc[k as "number" | "date" | "subject"];
    if (p != null && eq(g, p)) T.fieldsHit++;
  }
}

const f1 = (h: number, g: number, p: number) => (g + p === 0 ? 1 : (2 * h) / (g + p));
export function summary(T: Totals): { task: number; assignee: number; deadline: number; header: number } {
  return {
    task: f1(T.hit, T.gold, T.pred),
    assignee: f1(T.aHit, T.aGold, T.aPred),
    deadline: f1(T.dHit, T.dGold, T.dPred),
    header: T.fieldsHit / (T.fields || 1),
  };
}

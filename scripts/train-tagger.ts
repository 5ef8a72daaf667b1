/**
 * Trains the assignee tagger (src/dispatch/tagger) offline and writes src/dispatch/tagger/weights.json.
 *
 *   npm run train-tagger -- DIR [DIR …] [--cv] [--epochs N] [--no-write]
 *
 * Training data: each gold task found in a rule-reader task (the scorer's matching: gold quote inside the task text),
 * not implicit; its gold assignees located in that task's text (canonical pieces, fuzzy ≥ 0.75 like the scorer) give
 * the token labels B/I-lead, B/I-coordinate, and every other token is O — including bodies the text mentions that are
 * not assignees. Folders whose path says "heldout" are refused: the held-out round is the honest test.
 * --cv: 5 folds by document (fixed order), reports the tagger alone (spans and names against gold) and each action of
 * refine.ts scored as the scorer scores assignees, out of fold.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDispatch } from "../src/dispatch/reader.js";
import type { Assignee, ParsedTask } from "../src/dispatch/schema.js";
import { tokenize, type Token } from "../src/dispatch/tagger/tokens.js";
import { tokenFeatures } from "../src/dispatch/tagger/features.js";
import { emissions, modelOf, spans, T, TAGS, viterbi, type Model, type TaggerWeights } from "../src/dispatch/tagger/decode.js";
import { locate, tokenPieces, type Span } from "../src/dispatch/tagger/locate.js";
import { MAX_TOKENS, refineTask, ruleSpans, ruleTags, type Policy } from "../src/dispatch/tagger/refine.js";

// ---- the scorer's name comparison (shared/eval/score.mjs), to report figures as it counts them ----
const TONE_FIX = [["oà", "òa"], ["oá", "óa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"], ["oè", "òe"], ["oé", "óe"], ["oẻ", "ỏe"], ["oẽ", "õe"], ["oẹ", "ọe"], ["uỳ", "ùy"], ["uý", "úy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"]];
const vn = (s: string) => { let t = (s ?? "").normalize("NFC").toLowerCase(); for (const [a, b] of TONE_FIX) t = t.split(a!).join(b!); return t; };
const flat = (s: string) => vn(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const wre = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, "gu");
const ABBR = [["ubnd", "ủy ban nhân dân"], ["hđnd", "hội đồng nhân dân"], ["ubmttq", "ủy ban mặt trận tổ quốc"], ["mttq", "mặt trận tổ quốc"], ["ctđ", "chữ thập đỏ"], ["btv", "ban thường vụ"], ["tw", "trung ương"], ["vn", "việt nam"], ["lđtbxh", "lao động thương binh và xã hội"], ["tt tt", "thông tin và truyền thông"], ["tttt", "thông tin và truyền thông"], ["gd đt", "giáo dục và đào tạo"], ["gdđt", "giáo dục và đào tạo"], ["ctxh", "chính trị xã hội"], ["tp", "thành phố"], ["tnhh", "trách nhiệm hữu hạn"], ["tncs", "thanh niên cộng sản"], ["bhxh", "bảo hiểm xã hội"], ["bcđ", "ban chỉ đạo"], ["tn mt", "tài nguyên và môi trường"], ["tnmt", "tài nguyên và môi trường"], ["nn ptnt", "nông nghiệp và phát triển nông thôn"], ["nnptnt", "nông nghiệp và phát triển nông thôn"], ["lđlđ", "liên đoàn lao động"]].map(([a, b]) => [wre(a!), b!] as const);
const LEADING = /^(các|đề nghị|giao|ông bà|ông|bà|đồng chí|giám đốc|phó giám đốc|thủ trưởng|chủ tịch|phó chủ tịch|trưởng|hiệu trưởng|người đứng đầu|bí thư)\s+/;
const canon = (s: string) => { let t = flat(s); for (const [re, rep] of ABBR) t = t.replace(re, rep); for (let p = ""; p !== t;) { p = t; t = t.replace(LEADING, ""); } return t.replace(/\s+/g, " ").trim(); };
const nameMatch = (a: string, b: string) => { const ca = canon(a), cb = canon(b); if (ca === cb) return true; const ta = new Set(ca.split(" ")), tb = new Set(cb.split(" ")); let i = 0; for (const x of ta) if (tb.has(x)) i++; return i / (ta.size + tb.size - i || 1) >= 0.75; };
const matchCount = (g: Assignee[], p: Assignee[]) => { const used = new Set<number>(); let h = 0; for (const a of g) { const j = p.findIndex((x, k) => !used.has(k) && x.role === a.role && nameMatch(x.name, a.name)); if (j >= 0) { used.add(j); h++; } } return h; };

interface GoldTask { ref: string; quote: string; implicit?: boolean; assignees: Assignee[] }
interface Doc { id: string; gold: GoldTask[]; tasks: ParsedTask[]; pairs: [number, number][]; trainOnly: boolean; evalOnly: boolean }
interface Example { doc: number; task: number; tokens: Token[]; feats: string[][]; gold: number[]; extra?: boolean }

const args = process.argv.slice(2);
const valueOf = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : undefined);
const evalDir = valueOf("--eval");
const dirs = args.filter((a, i) => !a.startsWith("--") && !/^[\d.,]+$/.test(a) && a !== evalDir);
// --fracs 0.25,0.5,1: a learning curve — each fold trains on that share of its training documents (fixed choice).
const fracs = (valueOf("--fracs") ?? "1").split(",").map(Number);
const cv = args.includes("--cv");
const epochs = Number(args[args.indexOf("--epochs") + 1]) || 8;
// Without the rule reader's reading as features the tagger is a second opinion of its own, not an echo of the rules.
const withRules = !args.includes("--no-rule");
// --rule-dropout: that share of training tasks is also shown without the rules' reading, so the tagger learns its own
// evidence instead of echoing rules that were tuned on these very documents.
const dropout = args.includes("--rule-dropout") ? Number(args[args.indexOf("--rule-dropout") + 1]) : 0;
if (dirs.length === 0 || [...dirs, evalDir ?? ""].some((d) => /heldout/i.test(d))) {
  console.error("usage: train-tagger DIR [DIR …] [--cv] [--epochs N] [--no-write]  (never a held-out folder)");
  process.exit(2);
}

// Gold tasks matched to the rule reader's tasks as the scorer does (tasks with assignees first, then the rest, so a
// task the rules left without a body can still teach where its body was).
function pairUp(gold: GoldTask[], tasks: ParsedTask[]): [number, number][] {
  const used = new Set<number>();
  const out: [number, number][] = [];
  for (const pass of [true, false])
    gold.forEach((g, gi) => {
      if (out.some(([x]) => x === gi)) return;
      const q = flat(g.quote);
      let best = -1, bestPos = Infinity;
      tasks.forEach((p, k) => {
        if (used.has(k) || (p.assignees.length > 0) !== pass) return;
        const pos = flat(p.text).indexOf(q);
        if (pos >= 0 && pos < bestPos) { best = k; bestPos = pos; }
      });
      if (best >= 0) { used.add(best); out.push([gi, best]); }
    });
  return out;
}

const docs: Doc[] = [];
const examples: Example[] = [];
let goldNames = 0, located = 0, inDoc = 0, goldAll = 0;
// Documents of the first folder are cross-validated; later folders only add training documents (a document in two
// folders is read once). --eval DIR: its documents are never trained on and are scored apart.
const evalIds = new Set(evalDir ? readdirSync(evalDir).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -10)) : []);
const seenIds = new Set<string>();
for (const [di, dir] of dirs.entries()) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort()) {
    const id = f.slice(0, -10);
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    const text = readFileSync(join(dir, `${id}.txt`), "utf8");
    const gold = (JSON.parse(readFileSync(join(dir, f), "utf8")).tasks ?? []) as GoldTask[];
    const tasks = readDispatch(text, { refDate: "2026-12-06", assigneeTagger: false }).tasks;
    const d = docs.push({ id, gold, tasks, pairs: pairUp(gold, tasks), trainOnly: di > 0, evalOnly: evalIds.has(id) }) - 1;
    // How many gold names stand anywhere in the document's text at all.
    const all = tokenize(text);
    const allPieces = tokenPieces(all);
    for (const g of gold) if (!g.implicit) for (const a of g.assignees) { goldAll++; if (locate(all, a.name, 0, allPieces)) inDoc++; }
    for (const [gi, pi] of docs[d]!.pairs) {
      const g = gold[gi]!;
      const p = tasks[pi]!;
      if (g.implicit || p.implicit) continue;
      const tokens = tokenize(p.text, MAX_TOKENS);
      const pcs = tokenPieces(tokens);
      const labels = new Array<number>(tokens.length).fill(0);
      for (const a of g.assignees) {
        goldNames++;
        // The first free place the name stands; a body named twice is labelled where it first stands.
        let from = 0;
        let s: Span | null = null;
        while ((s = locate(tokens, a.name, from, pcs)) && labels.slice(s[0], s[1]).some((x) => x !== 0)) from = s[1];
        if (!s) continue;
        located++;
        const b = a.role === "lead" ? 1 : 3;
        for (let i = s[0]; i < s[1]; i++) labels[i] = i === s[0] ? b : b + 1;
      }
      const rule = ruleTags(tokens.length, p.assignees, ruleSpans(p.text, tokens, p.assignees));
      examples.push({ doc: d, task: pi, tokens, feats: tokenFeatures(p.text, tokens, withRules ? rule : undefined), gold: labels });
      if (withRules && dropout > 0 && (examples.length * 0.618034) % 1 < dropout) examples.push({ doc: d, task: pi, tokens, feats: tokenFeatures(p.text, tokens, new Uint8Array(tokens.length)), gold: labels, extra: true });
    }
  }
}
console.log(`docs ${docs.length}, training tasks ${examples.length}, tokens ${examples.reduce((s, e) => s + e.tokens.length, 0)}`);
console.log(`gold names (non-implicit tasks) located in the document text: ${inDoc}/${goldAll}; in the matched rule task's first ${MAX_TOKENS} tokens: ${located}/${goldNames}`);

// ---- averaged structured perceptron ----
function train(ex: Example[], nEpochs: number): TaggerWeights {
  const ids = new Map<string, number>();
  const enc = ex.map((e) => e.feats.map((fs) => Int32Array.from(fs.map((f) => { let k = ids.get(f); if (k === undefined) { k = ids.size; ids.set(f, k); } return k; }))));
  const F = ids.size;
  const w = new Float64Array(F * T), acc = new Float64Array(F * T), stamp = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T), tacc = new Float64Array((T + 1) * T), tstamp = new Float64Array((T + 1) * T);
  let c = 1;
  const bump = (W: Float64Array, A: Float64Array, S: Float64Array, k: number, d: number) => { A[k]! += (c - S[k]!) * W[k]!; S[k] = c; W[k]! += d; };
  const model: Model = { trans: tw, feats: new Map(), ruleFeatures: false };
  // Emissions straight from the dense weights (the Map form is for reading).
  const emit = (x: Int32Array[]) => { const e = new Float64Array(x.length * T); x.forEach((fs, i) => { for (const f of fs) for (let t = 0; t < T; t++) e[i * T + t]! += w[f * T + t]!; }); return e; };
  // Fixed order shuffled by a fixed-seed generator: the same weights on every run.
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = ex.map((_, i) => i);
  for (let ep = 0; ep < nEpochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const k of order) {
      const x = enc[k]!, y = ex[k]!.gold;
      const z = viterbi(model, emit(x), x.length);
      for (let i = 0; i < x.length; i++) {
        const prevY = i === 0 ? 0 : y[i - 1]! + 1, prevZ = i === 0 ? 0 : z[i - 1]! + 1;
        if (y[i] !== z[i]) for (const f of x[i]!) { bump(w, acc, stamp, f * T + y[i]!, 1); bump(w, acc, stamp, f * T + z[i]!, -1); }
        if (y[i] !== z[i] || prevY !== prevZ) { bump(tw, tacc, tstamp, prevY * T + y[i]!, 1); bump(tw, tacc, tstamp, prevZ * T + z[i]!, -1); }
      }
      c++;
    }
  }
  const avg = (W: Float64Array, A: Float64Array, S: Float64Array, k: number) => (A[k]! + (c - S[k]!) * W[k]!) / c;
  const feats: Record<string, number[]> = {};
  for (const [name, f] of ids) {
    const v = Array.from({ length: T }, (_, t) => avg(w, acc, stamp, f * T + t));
    // Pruned: a feature whose averaged weights barely move a score is noise and bytes.
    if (Math.max(...v.map(Math.abs)) >= 0.05) feats[name] = v.map((x) => Math.round(x * 100) / 100);
  }
  const trans = Array.from({ length: T + 1 }, (_, r) => Array.from({ length: T }, (_, t) => Math.round(avg(tw, tacc, tstamp, r * T + t) * 100) / 100));
  return { tags: [...TAGS], trans, feats, ruleFeatures: withRules };
}

function spanScore(ex: Example[], m: Model) {
  let g = 0, p = 0, h = 0, rg = 0, rp = 0, rh = 0;
  for (const e of ex) {
    const gs = spans(e.gold).map(([s, t, r]) => `${s}:${t}:${r}`);
    const ps = spans(viterbi(m, emissions(m, e.feats), e.tokens.length)).map(([s, t, r]) => `${s}:${t}:${r}`);
    // The rule reader's own spans on the same tokens, for comparison.
    const task = docs[e.doc]!.tasks[e.task]!;
    const rs = ruleSpans(task.text, e.tokens, task.assignees).map((s, k) => (s ? `${s[0]}:${s[1]}:${task.assignees[k]!.role}` : "none"));
    g += gs.length; p += ps.length; h += ps.filter((x) => gs.includes(x)).length;
    rg += gs.length; rp += rs.length; rh += rs.filter((x) => gs.includes(x)).length;
  }
  const f = (h: number, g: number, p: number) => (g + p ? (2 * h) / (g + p) : 1).toFixed(3);
  return `tagger spans P ${(h / (p || 1)).toFixed(3)} R ${(h / (g || 1)).toFixed(3)} F1 ${f(h, g, p)} | rule spans P ${(rh / (rp || 1)).toFixed(3)} R ${(rh / (rg || 1)).toFixed(3)} F1 ${f(rh, rg, rp)}`;
}

/** Assignee F1 as the scorer counts it over the given documents, with each task revised by `revise`. */
function assigneeF1(ds: Doc[], revise: (t: ParsedTask) => ParsedTask) {
  let g = 0, p = 0, h = 0, tg = 0, tp = 0, th = 0;
  for (const d of ds) {
    const tasks = d.tasks.map(revise).filter((t) => t.assignees.length > 0);
    const used = new Set<number>();
    tp += tasks.length;
    for (const gt of d.gold) {
      tg++;
      g += gt.assignees.length;
      const q = flat(gt.quote);
      let best = -1, bestPos = Infinity;
      tasks.forEach((t, k) => { if (used.has(k)) return; const pos = flat(t.text).indexOf(q); if (pos >= 0 && pos < bestPos) { best = k; bestPos = pos; } });
      if (best < 0) continue;
      used.add(best);
      th++;
      h += matchCount(gt.assignees, tasks[best]!.assignees);
    }
    for (const t of tasks) p += t.assignees.length;
  }
  return { g, p, h, tg, tp, th };
}

const NEVER = 2;
const WINDOWED: [string, Policy][] = [
  ["rules only", { veto: NEVER, flip: NEVER, add: NEVER, keepOneLead: true }],
  ["veto ≥ 0.9 t16", { veto: 0.9, flip: NEVER, add: NEVER, keepOneLead: true, temp: 16 }],
  ...[1, 2, 4].map((w): [string, Policy] => [`veto ≥ 0.9 t16 w${w}`, { veto: 0.9, flip: NEVER, add: NEVER, keepOneLead: true, temp: 16, window: w }]),
];
const ALL_POLICIES: [string, Policy][] = [
  ["rules only", { veto: NEVER, flip: NEVER, add: NEVER, keepOneLead: true }],
  ["tagger only", { veto: NEVER, flip: NEVER, add: NEVER, keepOneLead: false, replace: true, replaceAll: true }],
  ["replace", { veto: NEVER, flip: NEVER, add: NEVER, keepOneLead: true, replace: true }],
  ["veto ≥ 0.9 t16 w2", { veto: 0.9, flip: NEVER, add: NEVER, keepOneLead: true, temp: 16, window: 2 }],
  ...(args.includes("--t1") ? [1, 16] : [16]).flatMap((tp) => [
    ...[0.99, 0.9, 0.7].map((v): [string, Policy] => [`veto ≥ ${v} t${tp}`, { veto: v, flip: NEVER, add: NEVER, keepOneLead: true, temp: tp }]),
    ...[0.9, 0.7].map((v): [string, Policy] => [`flip ≥ ${v} t${tp}`, { veto: NEVER, flip: v, add: NEVER, keepOneLead: true, temp: tp }]),
    ...[0.9, 0.5].map((v): [string, Policy] => [`add ≥ ${v} t${tp}`, { veto: NEVER, flip: NEVER, add: v, keepOneLead: true, temp: tp }]),
    ...[0.9, 0.7].map((v): [string, Policy] => [`fix ≥ ${v} t${tp}`, { veto: NEVER, flip: NEVER, add: NEVER, fix: v, keepOneLead: true, temp: tp }]),
    ...[0.99, 0.95, 0.9].map((v): [string, Policy] => [`addFilled ≥ ${v} t${tp}`, { veto: NEVER, flip: NEVER, add: v, addOnlyFilled: true, keepOneLead: true, temp: tp }]),
    ...[0.9, 0.5, 0].map((v): [string, Policy] => [`addEmpty ≥ ${v} t${tp}`, { veto: NEVER, flip: NEVER, add: v, addOnlyEmpty: true, keepOneLead: true, temp: tp }]),
  ]),
];

// --all: every action and threshold; else the kept candidate and its windowed forms.
const POLICIES = args.includes("--all") ? ALL_POLICIES : WINDOWED;
const f1 = (r: { g: number; p: number; h: number }) => ((2 * r.h) / (r.g + r.p)).toFixed(4);
const report = (tag: string, res: { g: number; p: number; h: number; tg: number; tp: number; th: number }[]) =>
  POLICIES.forEach(([name], i) => { const r = res[i]!; console.log(`${tag} ${name.padEnd(18)} task F1 ${((2 * r.th) / (r.tg + r.tp)).toFixed(4)} assignee F1 ${f1(r)} (hit ${r.h}, pred ${r.p}, gold ${r.g})`); });
const evaluate = (ds: Doc[], m: Model, res: { g: number; p: number; h: number; tg: number; tp: number; th: number }[], only?: Set<string>) => {
  const cache = new Map<ParsedTask | string, unknown>();
  POLICIES.forEach(([name, pol], i) => {
    if (only && !only.has(name)) return;
    const r = assigneeF1(ds, (t) => { const c = { ...t, assignees: t.assignees.map((a) => ({ ...a })) }; refineTask(c, m, pol, cache); return c; });
    for (const k of ["g", "p", "h", "tg", "tp", "th"] as const) res[i]![k] += r[k];
  });
};
const inFrac = (d: number, frac: number) => frac >= 1 || (d * 0.618034) % 1 < frac;
if (cv) {
  const K = 5;
  for (const frac of fracs) {
    const res = POLICIES.map(() => ({ g: 0, p: 0, h: 0, tg: 0, tp: 0, th: 0 }));
    // Folds over the cross-validated documents only (not the training-only ones, not the --eval ones).
    const cvDocs = docs.map((d, i) => (d.trainOnly || d.evalOnly ? -1 : i)).filter((i) => i >= 0);
    const fold = new Map(cvDocs.map((d, j) => [d, j % K]));
    for (let k = 0; k < K; k++) {
      const test = (d: number) => fold.get(d) === k;
      const trainEx = examples.filter((e) => !test(e.doc) && !docs[e.doc]!.evalOnly && inFrac(e.doc, frac));
      const m = modelOf(train(trainEx, epochs));
      console.log(`frac ${frac} fold ${k} (${trainEx.length} training tasks): ${spanScore(examples.filter((e) => test(e.doc) && !e.extra), m)}`);
      // A learning curve needs the tagger alone; every action only with all the training folds.
      evaluate(docs.filter((_, d) => test(d)), m, res, frac < 1 ? new Set(["rules only", "tagger only"]) : undefined);
    }
    report(`cv frac ${frac}`, res.map((r, i) => (frac < 1 && !["rules only", "tagger only"].includes(POLICIES[i]![0]) ? { ...r, g: NaN } : r)));
  }
}
if (evalDir) for (const frac of fracs) {
  const trainEx = examples.filter((e) => !docs[e.doc]!.evalOnly && inFrac(e.doc, frac));
  const m = modelOf(train(trainEx, epochs));
  console.log(`eval ${evalDir} frac ${frac} (${evalIds.size} docs; ${trainEx.length} training tasks): ${spanScore(examples.filter((e) => docs[e.doc]!.evalOnly && !e.extra), m)}`);
  const res = POLICIES.map(() => ({ g: 0, p: 0, h: 0, tg: 0, tp: 0, th: 0 }));
  const only = frac < 1 ? new Set(["rules only", "tagger only"]) : undefined;
  evaluate(docs.filter((d) => d.evalOnly), m, res, only);
  report(`eval frac ${frac}`, res.map((r, i) => (only && !only.has(POLICIES[i]![0]) ? { ...r, g: NaN } : r)));
}
if (!args.includes("--no-write") && !evalDir) {
  const wts = train(examples, epochs);
  const out = JSON.stringify(wts);
  writeFileSync(new URL("../src/dispatch/tagger/weights.json", import.meta.url), `${out}\n`);
  console.log(`wrote weights: ${Object.keys(wts.feats).length} features, ${(out.length / 1024).toFixed(0)} KB`);
}


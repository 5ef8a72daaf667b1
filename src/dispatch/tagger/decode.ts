/**
 * A linear-chain tagger over the token features: tags O, B/I of a lead, B/I of a partner (coordinate). Scores are a
 * structured perceptron's (feature weights per tag plus tag-to-tag transitions); Viterbi finds the best tag sequence
 * and forward-backward over the same scores gives each token's share of the tags (a confidence, not a probability).
 */
export const TAGS = ["O", "B-L", "I-L", "B-C", "I-C"] as const;
export const T = TAGS.length;

/** Weights as stored in JSON: transitions (row 0 = start, row 1 + t = after tag t) and per-feature tag weights. */
export interface TaggerWeights {
  tags: readonly string[];
  trans: number[][];
  feats: Record<string, number[]>;
  /** Trained with the rule reader's own reading as features (then it must be given at read time too). */
  ruleFeatures?: boolean;
}

export interface Model {
  ruleFeatures: boolean;
  trans: Float64Array; // (T + 1) × T
  feats: Map<string, Float64Array>;
}

// An inside tag continues its own kind only: "I-L" after "B-L" or "I-L".
export function allowed(prev: number, cur: number): boolean {
  if (cur === 2) return prev === 1 || prev === 2;
  if (cur === 4) return prev === 3 || prev === 4;
  return true;
}

export function modelOf(w: TaggerWeights): Model {
  const trans = new Float64Array((T + 1) * T);
  w.trans.forEach((row, r) => row.forEach((x, c) => (trans[r * T + c] = x)));
  const feats = new Map<string, Float64Array>();
  for (const [k, v] of Object.entries(w.feats)) feats.set(k, Float64Array.from(v));
  return { trans, feats, ruleFeatures: w.ruleFeatures ?? false };
}

/** Emission scores, token × tag. */
export function emissions(m: Model, feats: string[][]): Float64Array {
  const e = new Float64Array(feats.length * T);
  feats.forEach((fs, i) => {
    for (const f of fs) {
      const w = m.feats.get(f);
      if (w) for (let t = 0; t < T; t++) e[i * T + t]! += w[t]!;
    }
  });
  return e;
}

const NEG = -1e30;
const tr = (m: Model, prev: number, cur: number) => (allowed(prev - 1, cur) || prev === 0 ? m.trans[prev * T + cur]! : NEG);

export function viterbi(m: Model, e: Float64Array, n: number): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = t === 2 || t === 4 ? NEG : tr(m, 0, t) + e[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = NEG * 2;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = score[(i - 1) * T + p]! + tr(m, p + 1, t);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + e[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let arg = 0;
  for (let t = 1; t < T; t++) if (score[(n - 1) * T + t]! > score[(n - 1) * T + arg]!) arg = t;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}

/**
 * Each token's share of each tag under the scores (forward-backward), token × tag. In probability space with each
 * step rescaled (cheaper than log space; scores are shifted by their maximum first so nothing overflows).
 */
export function marginals(m: Model, e: Float64Array, n: number, temp = 1): Float64Array {
  const out = new Float64Array(n * T);
  if (n === 0) return out;
  // A perceptron's scores are on no scale: a temperature spreads them before they are read as shares.
  const pe = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    let mx = -Infinity;
    for (let t = 0; t < T; t++) mx = Math.max(mx, e[i * T + t]!);
    for (let t = 0; t < T; t++) pe[i * T + t] = Math.exp((e[i * T + t]! - mx) / temp);
  }
  const pt = new Float64Array((T + 1) * T);
  for (let r = 0; r <= T; r++)
    for (let c = 0; c < T; c++) pt[r * T + c] = (r === 0 ? c !== 2 && c !== 4 : allowed(r - 1, c)) ? Math.exp(m.trans[r * T + c]! / temp) : 0;
  const a = new Float64Array(n * T);
  const b = new Float64Array(n * T);
  const norm = (v: Float64Array, i: number) => {
    let z = 0;
    for (let t = 0; t < T; t++) z += v[i * T + t]!;
    if (z > 0) for (let t = 0; t < T; t++) v[i * T + t]! /= z;
  };
  for (let t = 0; t < T; t++) a[t] = pt[t]! * pe[t]!;
  norm(a, 0);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let p = 0; p < T; p++) s += a[(i - 1) * T + p]! * pt[(p + 1) * T + t]!;
      a[i * T + t] = s * pe[i * T + t]!;
    }
    norm(a, i);
  }
  for (let t = 0; t < T; t++) b[(n - 1) * T + t] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let c = 0; c < T; c++) s += pt[(t + 1) * T + c]! * pe[(i + 1) * T + c]! * b[(i + 1) * T + c]!;
      b[i * T + t] = s;
    }
    norm(b, i);
  }
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let t = 0; t < T; t++) z += (out[i * T + t] = a[i * T + t]! * b[i * T + t]!);
    if (z > 0) for (let t = 0; t < T; t++) out[i * T + t]! /= z;
  }
  return out;
}

/** Spans of the tag sequence: [start, end, role]. */
export function spans(tags: number[]): [number, number, "lead" | "coordinate"][] {
  const out: [number, number, "lead" | "coordinate"][] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t !== 1 && t !== 3) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === t + 1) j++;
    out.push([i, j, t === 1 ? "lead" : "coordinate"]);
    i = j - 1;
  }
  return out;
}

/**
 * The learned second opinion on assignees (decision 0105): a tagger trained offline (npm run train-tagger) on where
 * gold assignees stand in task texts reads each task the rule reader made, and where it is confident it disagrees:
 * drops a rule assignee it reads as "not an assignee", flips a role, or adds a body the rules missed. Each action has
 * its own threshold; an action is on only where cross-validation and the held-out round said it helps.
 */
import type { Assignee, ParsedTask } from "../schema.js";
import { sameBody } from "../names.js";
import { tokenize, type Token } from "./tokens.js";
import { tokenFeatures, RULE_COORD, RULE_LEAD } from "./features.js";
import { emissions, marginals, modelOf, spans, viterbi, type Model, type TaggerWeights, T } from "./decode.js";
import { locate, type Span } from "./locate.js";
import { readFileSync } from "node:fs";

/** Off by default: see docs/decisions/0105 for what it measured. */
export const ASSIGNEE_TAGGER_DEFAULT = false;

/** Tokens read per task: the bodies of a task stand in its first lines. */
export const MAX_TOKENS = 160;

export interface Policy {
  /** Drop a rule assignee whose tokens the tagger gives at least this share of "O" (> 1 = never). */
  veto: number;
  /** Flip a rule assignee's role when the other role gets at least this share (> 1 = never). */
  flip: number;
  /** Add a tagger span no rule assignee covers when its tokens' share of its role is at least this (> 1 = never). */
  add: number;
  /** Never leave a task with no lead by vetoing. */
  keepOneLead: boolean;
  /** Reset a rule assignee's name to the overlapping tagger span of its role when that span's share is at least this. */
  fix?: number;
  /** Add only to tasks the rules left without any assignee. */
  addOnlyEmpty?: boolean;
  /** Replace the rule assignees of a task by the tagger's spans whenever it finds any. */
  replace?: boolean;
  /** Add only to tasks where the rules found at least one assignee (a missed partner, a second lead). */
  addOnlyFilled?: boolean;
  /** With replace: the tagger's spans even when it finds none (the tagger alone, for measuring). */
  replaceAll?: boolean;
  /** Temperature of the shares (see marginals). */
  temp?: number;
  /**
   * Read only this many tokens either side of each rule assignee (veto and flip only): what decides a name stands next
   * to it, and the reader must stay within a millisecond.
   */
  window?: number;
}

// Thresholds above 1 never fire (shares can reach exactly 1).
export const DEFAULT_POLICY: Policy = { veto: 0.9, flip: 2, add: 2, keepOneLead: true, temp: 16, window: 2 };

let defaultModel: Model | null = null;
/**
 * The committed weights are read on first use, not imported: the tagger is off by default, and parsing 556 KB of JSON at
 * every start (each `npm run parse`, each bot start) cost 30–120 ms for nothing.
 */
export function defaultTaggerModel(): Model {
  defaultModel ??= modelOf(JSON.parse(readFileSync(new URL("./weights.json", import.meta.url), "utf8")) as TaggerWeights);
  return defaultModel;
}

/** Where each rule assignee stands in the tokens (verbatim first, as the reader copies names; else by canonical form). */
export function ruleSpans(text: string, tokens: Token[], as: Assignee[]): (Span | null)[] {
  return as.map((a) => {
    const at = text.indexOf(a.name);
    if (at >= 0) {
      const s = tokens.findIndex((t) => t.start >= at);
      if (s >= 0 && tokens[s]!.start < at + a.name.length) {
        let e = s;
        while (e < tokens.length && tokens[e]!.start < at + a.name.length) e++;
        return [s, e] as Span;
      }
      return null;
    }
    return locate(tokens, a.name);
  });
}

export function ruleTags(n: number, as: Assignee[], where: (Span | null)[]): Uint8Array {
  const r = new Uint8Array(n);
  as.forEach((a, k) => {
    const s = where[k];
    if (s) for (let i = s[0]; i < s[1]; i++) r[i] = a.role === "lead" ? RULE_LEAD : RULE_COORD;
  });
  return r;
}

const share = (mg: Float64Array, s: Span, tags: number[]) => {
  let x = 0;
  for (let i = s[0]; i < s[1]; i++) for (const t of tags) x += mg[i * T + t]!;
  return x / (s[1] - s[0]);
};

// Where the clause of the last name the rules found ends: the tokens after it change nothing the tagger reads there.
const CLAUSE_END = /[.;\n]/gu;

/** Veto and flip, reading only a window around each rule assignee. */
function refineNear(task: ParsedTask, model: Model, policy: Policy, w: number): void {
  const text = task.text;
  // Without flips, a task's only lead stays whatever the tagger says (a task keeps a lead): its window need not be read.
  const leads = task.assignees.filter((a) => a.role === "lead").length;
  const open = task.assignees.map((a) => policy.flip <= 1 || a.role !== "lead" || leads > 1 || !policy.keepOneLead);
  if (!open.includes(true)) return;
  let end = 0;
  for (const a of task.assignees.filter((_, k) => open[k])) {
    const at = text.indexOf(a.name);
    end = Math.max(end, at < 0 ? text.length : at + a.name.length);
  }
  CLAUSE_END.lastIndex = end;
  const m = CLAUSE_END.exec(text);
  const tokens = tokenize(text.slice(0, Math.min(m ? m.index + 1 : text.length, end + 120)), MAX_TOKENS);
  const n = tokens.length;
  if (n === 0) return;
  const where = ruleSpans(text, tokens, task.assignees);
  const wins = where.map((s, k) => (s && open[k] ? ([Math.max(0, s[0] - w), Math.min(n, s[1] + w)] as Span) : null));
  const mask = new Uint8Array(n);
  for (const x of wins) if (x) mask.fill(1, x[0], x[1]);
  const feats = tokenFeatures(text, tokens, model.ruleFeatures ? ruleTags(n, task.assignees, where) : undefined, mask);
  const keep: Assignee[] = [];
  task.assignees.forEach((a, k) => {
    const s = where[k];
    const x = wins[k];
    if (!s || !x) return void keep.push(a);
    const e = emissions(model, feats.slice(x[0], x[1]));
    const mg = marginals(model, e, x[1] - x[0], policy.temp ?? 1);
    const at: Span = [s[0] - x[0], s[1] - x[0]];
    if (share(mg, at, [0]) >= policy.veto) return;
    const other = a.role === "lead" ? [3, 4] : [1, 2];
    keep.push(share(mg, at, other) >= policy.flip ? { name: a.name, role: a.role === "lead" ? "coordinate" : "lead" } : a);
  });
  if (policy.keepOneLead && task.assignees.some((a) => a.role === "lead") && !keep.some((a) => a.role === "lead")) return;
  task.assignees = keep;
}

/** Revises one task's assignees in place. */
export function refineTask(task: ParsedTask, model: Model, policy: Policy, cache?: Map<ParsedTask | string, unknown>): void {
  if (task.implicit) return;
  if (policy.window !== undefined && !policy.replace && policy.add > 1 && (policy.fix ?? 2) > 1) return refineNear(task, model, policy, policy.window);
  const tokens = tokenize(task.text, MAX_TOKENS);
  if (tokens.length === 0) return;
  const where = ruleSpans(task.text, tokens, task.assignees);
  // Offline measuring reads the same task under many policies: its features are read once (the key is the task).
  const key = cache ? `${task.text}\u0000${task.assignees.map((a) => `${a.role}:${a.name}`).join("|")}` : "";
  let feats = cache?.get(key) as string[][] | undefined;
  if (!feats) {
    feats = tokenFeatures(task.text, tokens, model.ruleFeatures ? ruleTags(tokens.length, task.assignees, where) : undefined);
    cache?.set(key, feats);
  }
  const e = emissions(model, feats);
  if (policy.replace) {
    const found = spans(viterbi(model, e, tokens.length)).map(([s, t, role]) => ({ name: task.text.slice(tokens[s]!.start, tokens[t - 1]!.end), role }));
    if (found.length || policy.replaceAll) task.assignees = found;
    return;
  }
  const mg = marginals(model, e, tokens.length, policy.temp ?? 1);
  const found = (policy.fix ?? 2) <= 1 || policy.add <= 1 ? spans(viterbi(model, e, tokens.length)) : [];
  const keep: Assignee[] = [];
  task.assignees.forEach((a, k) => {
    const s = where[k];
    if (!s) return void keep.push(a);
    if (share(mg, s, [0]) >= policy.veto) return;
    const other = a.role === "lead" ? [3, 4] : [1, 2];
    if (share(mg, s, other) >= policy.flip) return void keep.push({ name: a.name, role: a.role === "lead" ? "coordinate" : "lead" });
    // "Ủy ban nhân dân các xã, thị trấn" read by the rules as "Ủy ban nhân dân các xã": one tagger span of the same
    // role overlapping the name, with other edges, and sure of them.
    const over = found.filter(([x, y, role]) => x < s[1] && s[0] < y && role === a.role);
    const [x, y] = over.length === 1 ? over[0]! : [s[0], s[1]];
    if ((x !== s[0] || y !== s[1]) && share(mg, [x, y], a.role === "lead" ? [1, 2] : [3, 4]) >= (policy.fix ?? 2))
      return void keep.push({ name: task.text.slice(tokens[x]!.start, tokens[y - 1]!.end), role: a.role });
    keep.push(a);
  });
  if (policy.keepOneLead && task.assignees.some((a) => a.role === "lead") && !keep.some((a) => a.role === "lead")) return;
  if (policy.add <= 1 && (!policy.addOnlyEmpty || task.assignees.length === 0) && (!policy.addOnlyFilled || task.assignees.length > 0)) {
    for (const [s, t, role] of found) {
      if (where.some((w) => w && w[0] < t && s < w[1])) continue;
      if (share(mg, [s, t], role === "lead" ? [1, 2] : [3, 4]) < policy.add) continue;
      const name = task.text.slice(tokens[s]!.start, tokens[t - 1]!.end);
      if (!keep.some((a) => sameBody(a.name, name))) keep.push({ name, role });
    }
  }
  task.assignees = keep;
}

export function refineAssignees(tasks: ParsedTask[], model: Model = defaultTaggerModel(), policy: Policy = DEFAULT_POLICY): void {
  for (const t of tasks) refineTask(t, model, policy);
}

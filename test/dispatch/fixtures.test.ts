/**
 * The shared evaluation dispatches (copied into test/fixtures/dispatches) read against their gold annotations with a
 * compact version of the evaluation scorer, so any regression on a real dispatch fails the suite.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { hardWrap } from "./support/hard-wrap.js";
import { sameBody } from "../../src/dispatch/names.js";
import { normalizeVietnamese } from "../../src/text/vietnamese.js";
import type { ParsedTask } from "../../src/dispatch/schema.js";

interface GoldTask {
  ref: string;
  quote: string;
  assignees: Array<{ name: string; role: string }>;
  implicit: boolean;
  deadline: { date: string | null; recurrence: string | null } | null;
}
interface Gold {
  doc: { number: string | null; date: string | null; subject: string | null; recipients: string[] };
  tasks: GoldTask[];
}

const dir = fileURLToPath(new URL("../fixtures/dispatches", import.meta.url));
const goldIds = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -10)).sort();
const ids = goldIds(dir);
// More dispatches written and annotated by the guide while the reader was built (extra/): read as published.
const extraDir = join(dir, "extra");
const extraIds = goldIds(extraDir);
const flat = (s: string | null | undefined) => normalizeVietnamese(s ?? "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

function match(gold: GoldTask[], pred: ParsedTask[]): Map<GoldTask, ParsedTask | undefined> {
  const used = new Set<ParsedTask>();
  const out = new Map<GoldTask, ParsedTask | undefined>();
  for (const g of gold) {
    const q = flat(g.quote);
    let best: ParsedTask | undefined;
    let bestPos = Infinity;
    for (const p of pred) {
      const pos = used.has(p) ? -1 : flat(p.text).indexOf(q);
      if (pos >= 0 && pos < bestPos) (best = p), (bestPos = pos);
    }
    if (best) used.add(best);
    out.set(g, best);
  }
  return out;
}


const variants: Array<[string, (t: string) => string]> = [
  ["as published", (t) => t],
  ["hard-wrapped at 70 columns", (t) => hardWrap(t, 70)],
  ["hard-wrapped at 60 columns", (t) => hardWrap(t, 60)],
  ["without blank lines", (t) => t.split("\n").filter((l) => l.trim()).join("\n")],
  ["with a blank line between all lines", (t) => t.split("\n").filter((l) => l.trim()).join("\n\n")],
];

const cases = [
  ...ids.flatMap((id) => variants.map(([label, f]) => [id, label, f, dir] as const)),
  ...extraIds.map((id) => [id, variants[0]![0], variants[0]![1], extraDir] as const),
];

describe.each(cases)("dispatch %s (%s)", (id, _label, transform, folder) => {
  const gold = JSON.parse(readFileSync(join(folder, `${id}.gold.json`), "utf8")) as Gold;
  const parsed = readDispatch(transform(readFileSync(join(folder, `${id}.txt`), "utf8")), { refDate: "2026-01-15" });
  const assigned = parsed.tasks.filter((t) => t.assignees.length > 0);
  const matched = match(gold.tasks, assigned);

  it("finds every gold task and no extra assigned task", () => {
    const missed = gold.tasks.filter((g) => !matched.get(g)).map((g) => g.ref);
    expect(missed).toEqual([]);
    const extra = assigned.filter((p) => ![...matched.values()].includes(p)).map((p) => p.ref);
    expect(extra).toEqual([]);
  });

  it("gives each task its gold assignees and roles", () => {
    for (const g of gold.tasks) {
      const p = matched.get(g);
      const got = (p?.assignees ?? []).map((a) => `${a.role}:${a.name}`);
      const want = g.assignees.map((a) => `${a.role}:${a.name}`);
      const ok =
        p !== undefined &&
        p.assignees.length === g.assignees.length &&
        g.assignees.every((a) => p.assignees.some((b) => b.role === a.role && sameBody(a.name, b.name)));
      expect(ok ? want : got, `task ${g.ref}`).toEqual(want);
      expect(p?.implicit, `task ${g.ref} implicit`).toBe(g.implicit);
    }
  });

  it("gives each task its gold deadline", () => {
    for (const g of gold.tasks) {
      const p = matched.get(g);
      const got = p?.deadline ? { date: p.deadline.date, recurrence: p.deadline.recurrence } : null;
      const want = g.deadline ? { date: g.deadline.date, recurrence: g.deadline.recurrence } : null;
      expect(got, `task ${g.ref}`).toEqual(want);
    }
  });

  it("reads the header", () => {
    const d = parsed.doc;
    if (gold.doc.number) expect(d.number?.replace(/\s+/g, "")).toBe(gold.doc.number.replace(/\s+/g, ""));
    if (gold.doc.date) expect(d.date).toBe(gold.doc.date);
    if (gold.doc.subject) expect(flat(d.subject)).toBe(flat(gold.doc.subject));
    expect(d.recipients.length).toBe(gold.doc.recipients.length);
    gold.doc.recipients.forEach((r, i) => expect(sameBody(r, d.recipients[i] ?? "")).toBe(true));
  });
});

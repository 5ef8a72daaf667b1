/**
 * Real published dispatches the reader was NOT tuned on when they were gathered (docs/reader-blind-scores.md): the 23
 * added to the shared evaluation set and the rounds gathered since from public portals and repositories (1194 in all
 * after round 21), annotated by the guide. The reader is not perfect on them, so this guards the figures instead of
 * every task: a change that makes the reader worse on real text fails here, also when the text is re-wrapped, marked
 * with ") " and "+" or written with the old tone placement. Rounds 11, 12, 19, 20 and 21
 * (test/fixtures/dispatches/heldout.txt) are held out: no rule is tuned on them. The floors sit just under the lowest
 * variant's figure; they dropped when round 12's 101 blind documents joined (task 0.86 → 0.84, assignee 0.76 → 0.73),
 * when rounds 16–18 did (deadline 0.73 → 0.72) and when rounds 19–20's 101 did (assignee 0.78 → 0.77, deadline 0.72 →
 * 0.70, header 0.93 → 0.92).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDispatch } from "../../src/dispatch/reader.js";
import { hardWrap } from "./support/hard-wrap.js";
import { emptyTotals, scoreDocument, summary, type Gold } from "./support/eval-score.js";

const dir = fileURLToPath(new URL("../fixtures/dispatches/real", import.meta.url));
const ids = readdirSync(dir).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -10)).sort();
const floors = JSON.parse(readFileSync(join(dir, "floors.json"), "utf8")) as Record<string, number>;

const OLD_TONES: Array<[RegExp, string]> = [[/òa/g, "oà"], [/óa/g, "oá"], [/ỏa/g, "oả"], [/õa/g, "oã"], [/ọa/g, "oạ"], [/ùy/g, "uỳ"], [/úy/g, "uý"], [/ủy/g, "uỷ"], [/ũy/g, "uỹ"], [/ụy/g, "uỵ"]];
const oldTones = (t: string) => OLD_TONES.reduce((s, [re, r]) => s.replace(re, r), t.normalize("NFC"));
// "1." → "1)" and "-" bullets → "+".
const otherMarks = (t: string) => t.replace(/^(\s*\d{1,2})\.(\s)/gmu, "$1)$2").replace(/^(\s*)[-–]\s/gmu, "$1+ ");

const variants: Array<[string, (t: string) => string]> = [
  ["as published", (t) => t],
  ["hard-wrapped at 70 columns", (t) => hardWrap(t, 70)],
  ["hard-wrapped at 60 columns", (t) => hardWrap(t, 60)],
  ["with ') ' and '+' marks", otherMarks],
  ["with the old tone placement", oldTones],
];

function score(transform: (t: string) => string) {
  const T = emptyTotals();
  for (const id of ids) {
    const gold = JSON.parse(readFileSync(join(dir, `${id}.gold.json`), "utf8")) as Gold;
    const text = transform(readFileSync(join(dir, `${id}.txt`), "utf8"));
    scoreDocument(gold, readDispatch(text, { refDate: "2026-01-15" }), T);
  }
  return summary(T);
}

describe("real dispatches the reader was not tuned on", () => {
  it(`has ${ids.length} annotated documents`, () => {
    expect(ids.length).toBeGreaterThanOrEqual(100);
  });
  const asPublished = score(variants[0]![1]);
  describe.each(variants)("%s", (_label, transform) => {
    const s = transform === variants[0]![1] ? asPublished : score(transform);
    it("keeps task, assignee, deadline and header figures at or above their floors", () => {
      if (process.env.PRINT_FIGURES) console.log("FIGURES", _label, JSON.stringify(s));
      expect(s.task).toBeGreaterThanOrEqual(floors.task!);
      expect(s.assignee).toBeGreaterThanOrEqual(floors.assignee!);
      expect(s.deadline).toBeGreaterThanOrEqual(floors.deadline!);
      expect(s.header).toBeGreaterThanOrEqual(floors.header!);
    });
    it("stays within 0.03 of the text as published", () => {
      for (const k of ["task", "assignee", "deadline", "header"] as const) expect(Math.abs(s[k] - asPublished[k]), k).toBeLessThanOrEqual(0.03);
    });
  });
});

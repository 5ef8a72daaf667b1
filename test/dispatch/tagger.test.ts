import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/dispatch/tagger/tokens.js";
import { locate } from "../../src/dispatch/tagger/locate.js";
import { tokenFeatures, RULE_LEAD } from "../../src/dispatch/tagger/features.js";
import { emissions, marginals, modelOf, spans, T, viterbi, type TaggerWeights } from "../../src/dispatch/tagger/decode.js";
import { defaultTaggerModel, refineTask, ruleSpans, ruleTags } from "../../src/dispatch/tagger/refine.js";
import type { ParsedTask } from "../../src/dispatch/schema.js";

const zeroTrans = () => Array.from({ length: T + 1 }, () => new Array<number>(T).fill(0));

describe("tagger tokens", () => {
  it("keeps joined abbreviations whole and knows where lines start", () => {
    const t = tokenize("Giao Sở TT&TT chủ trì;\n- Phòng GD&ĐT phối hợp");
    expect(t.map((x) => x.text)).toEqual(["Giao", "Sở", "TT&TT", "chủ", "trì", ";", "-", "Phòng", "GD&ĐT", "phối", "hợp"]);
    expect(t.filter((x) => x.lineStart).map((x) => x.text)).toEqual(["Giao", "-"]);
    expect(t[1]!.fold).toBe("so");
    expect(t[2]!.word).toBe(true);
    expect(t[5]!.word).toBe(false);
  });
  it("stops at the token budget", () => {
    expect(tokenize("a b c d e", 3)).toHaveLength(3);
  });
});

describe("tagger locate", () => {
  const toks = tokenize("Đề nghị Ủy ban nhân dân các xã, thị trấn phối hợp với Sở TT&TT tỉnh.");
  const text = (s: [number, number] | null) => (s ? toks.slice(s[0], s[1]).map((t) => t.text).join(" ") : null);
  it("finds an abbreviated name by its canonical pieces and keeps its leading 'các'", () => {
    expect(text(locate(toks, "UBND các xã, thị trấn"))).toBe("Ủy ban nhân dân các xã , thị trấn");
    expect(text(locate(toks, "Sở Thông tin và Truyền thông tỉnh"))).toBe("Sở TT&TT tỉnh");
  });
  it("falls back to the window sharing ≥ 75 % of the words", () => {
    expect(text(locate(toks, "Ủy ban nhân dân xã, thị trấn"))).toContain("Ủy ban nhân dân");
    expect(locate(toks, "Công an tỉnh")).toBeNull();
  });
});

describe("tagger features", () => {
  const s = "Đề nghị Sở Y tế chủ trì, phối hợp với Công an tỉnh";
  const toks = tokenize(s);
  const f = tokenFeatures(s, toks);
  const at = (w: string) => f[toks.findIndex((t) => t.text === w)]!;
  it("gives the governing phrases before and after a body in its clause", () => {
    expect(at("Sở")).toContain("pc=de_nghi");
    expect(at("Sở")).toContain("pcd=de_nghi|1");
    expect(at("Sở")).toContain("nc=chu_tri");
    expect(at("Công")).toContain("pc=phoi_hop_voi");
  });
  it("marks the reader's head nouns and verbs", () => {
    expect(at("Sở")).toContain("h=1");
    expect(at("Công")).toContain("h=1");
    expect(at("chủ")).toContain("st=1");
    expect(at("Y")).toContain("st=0");
  });
  it("neighbours, shape and line start", () => {
    expect(at("Y")).toEqual(expect.arrayContaining(["f-1=so", "f+1=te", "f-2=nghi", "s=Aa", "w=y"]));
    expect(f[0]).toContain("ls");
  });
  it("adds the rule reader's reading only when given", () => {
    expect(at("Sở").some((x) => x.startsWith("r="))).toBe(false);
    const r = new Uint8Array(toks.length);
    r[2] = RULE_LEAD;
    expect(tokenFeatures(s, toks, r)[2]).toContain("r=1");
  });
});

describe("tagger decoding", () => {
  // A toy model: capitalised words are lead names, the first of them begins one.
  const w: TaggerWeights = {
    tags: ["O", "B-L", "I-L", "B-C", "I-C"],
    trans: zeroTrans(),
    feats: { "s=Aa": [0, 1, 2, 0, 0], "s=a": [6, 0, 0, 0, 0], "pc=phoi_hop_voi": [0, 0, 0, 2, 2.5] },
  };
  const m = modelOf(w);
  it("never starts a name with an inside tag and reads spans", () => {
    const s = "Sở Y tế chủ trì";
    const toks = tokenize(s);
    const tags = viterbi(m, emissions(m, tokenFeatures(s, toks)), toks.length);
    expect(tags[0]).toBe(1); // I-L scores higher, but cannot start a sequence
    expect(spans(tags)).toEqual([[0, 2, "lead"]]);
  });
  it("spans of a tag sequence", () => {
    expect(spans([0, 1, 2, 2, 0, 3, 4, 1, 0])).toEqual([[1, 4, "lead"], [5, 7, "coordinate"], [7, 8, "lead"]]);
  });
  it("shares sum to one per token and soften with temperature", () => {
    const s = "Sở Y tế chủ trì";
    const toks = tokenize(s);
    const e = emissions(m, tokenFeatures(s, toks));
    const mg = marginals(m, e, toks.length);
    for (let i = 0; i < toks.length; i++) {
      let x = 0;
      for (let t = 0; t < T; t++) x += mg[i * T + t]!;
      expect(x).toBeCloseTo(1, 6);
    }
    const hot = marginals(m, e, toks.length, 10);
    expect(hot[3 * T]!).toBeLessThan(mg[3 * T]!); // "chủ" is O, less surely at a high temperature
  });
  it("vetoes a rule assignee the model reads as O, keeping a lead", () => {
    const task: ParsedTask = { ref: "1", text: "Sở Y tế chủ trì, phối hợp với thanh tra", implicit: false, deadline: null,
      assignees: [{ name: "Sở Y tế", role: "lead" }, { name: "thanh tra", role: "coordinate" }] };
    refineTask(task, m, { veto: 0.9, flip: 1.01, add: 1, keepOneLead: true });
    expect(task.assignees).toEqual([{ name: "Sở Y tế", role: "lead" }]);
  });
  it("adds to a task with a body only when asked for filled tasks, and replaces even with nothing when asked", () => {
    const text = "Sở Y tế chủ trì, phối hợp với thanh tra";
    const empty = (): ParsedTask => ({ ref: "1", text, implicit: false, deadline: null, assignees: [] });
    const filled = (): ParsedTask => ({ ref: "1", text: "Sở Y tế chủ trì, phối hợp với Công an", implicit: false, deadline: null, assignees: [{ name: "Sở Y tế", role: "lead" }] });
    const pol = { veto: 2, flip: 2, add: 0.5, addOnlyFilled: true, keepOneLead: true };
    const e = empty();
    refineTask(e, m, pol);
    expect(e.assignees).toEqual([]);
    const f = filled();
    refineTask(f, m, pol);
    expect(f.assignees).toEqual([{ name: "Sở Y tế", role: "lead" }, { name: "Công", role: "coordinate" }]); // the toy model reads capitalised words only
    const none = modelOf({ tags: ["O", "B-L", "I-L", "B-C", "I-C"], trans: zeroTrans(), feats: { b: [50, 0, 0, 0, 0] } });
    const r = filled();
    refineTask(r, none, { veto: 2, flip: 2, add: 2, keepOneLead: false, replace: true, replaceAll: true });
    expect(r.assignees).toEqual([]);
  });
  it("locates rule names verbatim as token spans", () => {
    const s = "Giao Sở Y tế chủ trì";
    const toks = tokenize(s);
    const as = [{ name: "Sở Y tế", role: "lead" as const }];
    const where = ruleSpans(s, toks, as);
    expect(where).toEqual([[1, 4]]);
    expect(Array.from(ruleTags(toks.length, as, where))).toEqual([0, 1, 1, 1, 0, 0]);
  });
  it("the committed weights load and decode deterministically", () => {
    const model = defaultTaggerModel();
    const s = "Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai.";
    const toks = tokenize(s);
    const a = viterbi(model, emissions(model, tokenFeatures(s, toks, model.ruleFeatures ? new Uint8Array(toks.length) : undefined)), toks.length);
    const b = viterbi(model, emissions(model, tokenFeatures(s, toks, model.ruleFeatures ? new Uint8Array(toks.length) : undefined)), toks.length);
    expect(a).toEqual(b);
    expect(a).toHaveLength(toks.length);
  });
});

describe("tagger in the reader", () => {
  const text = "Kính gửi: Các phòng, ban.\n1. Giao Phòng Y tế chủ trì, phối hợp với Công an huyện kiểm tra các cơ sở.\n2. Phòng Văn hóa và Thông tin tuyên truyền.";
  it("is off unless asked for, and reads the same twice when on", async () => {
    const { readDispatch } = await import("../../src/dispatch/reader.js");
    const { ASSIGNEE_TAGGER_DEFAULT } = await import("../../src/dispatch/tagger/refine.js");
    expect(ASSIGNEE_TAGGER_DEFAULT).toBe(false);
    const off = readDispatch(text, { refDate: "2024-06-01" });
    expect(readDispatch(text, { refDate: "2024-06-01", assigneeTagger: false })).toEqual(off);
    const on = readDispatch(text, { refDate: "2024-06-01", assigneeTagger: true });
    expect(readDispatch(text, { refDate: "2024-06-01", assigneeTagger: true })).toEqual(on);
    expect(on.tasks.map((t) => t.ref)).toEqual(off.tasks.map((t) => t.ref));
  });
  it("a task's only lead is never read (it would stay anyway): no work for the tagger", () => {
    // A model that reads everything as "O" vetoes all it reads: the only lead survives, the partner does not.
    const m = modelOf({ tags: ["O", "B-L", "I-L", "B-C", "I-C"], trans: zeroTrans(), feats: { b: [50, 0, 0, 0, 0] } });
    const task: ParsedTask = { ref: "1", text: "Sở Y tế chủ trì, phối hợp với Công an tỉnh", implicit: false, deadline: null,
      assignees: [{ name: "Sở Y tế", role: "lead" }, { name: "Công an tỉnh", role: "coordinate" }] };
    refineTask(task, m, { veto: 0.9, flip: 2, add: 2, keepOneLead: true, window: 2 });
    expect(task.assignees).toEqual([{ name: "Sở Y tế", role: "lead" }]);
  });
});

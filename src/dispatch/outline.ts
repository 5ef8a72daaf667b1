/**
 * Step: numbering → a tree. Marker kinds ("I.", "1.", "1-", "a)", "Điều 3.", "-", "+", "•") nest in the order they
 * first appear under a parent, so any house style of numbering works without a fixed hierarchy.
 */
import type { Line } from "./clean.js";

/** "dotted" is "1.2", "dotted3" is "1.2.3": each depth is its own kind so they nest. */
export type MarkerKind = "roman" | "arabic" | "dotted" | "dotted3" | "dotted4" | "dieu" | "letter" | "paren" | "dash" | "plus" | "bullet";

export interface OutlineNode {
  kind: MarkerKind | "root";
  /** "II", "3", "1.2", "a"; "" for bullets and the root. */
  label: string;
  /** The item's own line without its marker. */
  head: string;
  /** Unmarked paragraphs that follow the head, before the next marker. */
  paras: string[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

const MARKERS: ReadonlyArray<[MarkerKind, RegExp]> = [
  ["dieu", /^Điều\s+(\d{1,3})\s*[.:]?\s*/u],
  ["roman", /^([IVX]{1,5})\s*[.\-–)]\s*(?=\p{Lu}|\d|$)/u],
  ["dotted", /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)/u],
  // "1.", "1)", "1- "; never "44-KL/TW" (a document code wrapped to the start of a line).
  // "1/ Tất cả các cơ quan …" (a slash and a space; "1/5" is a date).
  ["arabic", /^(\d{1,3})\s*(?:[.)]|[-–](?![A-ZĐ]{1,8}\s*\/)|\/(?=\s))(?!\d)\s*/u],
  ["letter", /^([a-zđ])\s*\)\s*|^([a-zđ])\.\s+/u],
  // "(1) Bộ Y tế chỉ đạo …", "(i) Tập đoàn … báo cáo …": sub-items numbered in brackets (a thông báo kết luận's list).
  ["paren", /^\((\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)\s+(?=\p{Lu})/u],
  ["dash", /^[-–—]\s*/u],
  ["plus", /^\+\s*/u],
  ["bullet", /^[•·●▪◦➢❖]\s*/u],
];

export function parseMarker(text: string): { kind: MarkerKind; label: string; rest: string } | null {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    if (kind === "roman" && !/^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/.test(m[1]!)) continue;
    const label = kind === "dash" || kind === "plus" || kind === "bullet" ? "" : (m[1] ?? m[2] ?? "");
    const depth = label.split(".").length;
    const k: MarkerKind = kind === "dotted" && depth > 2 ? (depth === 3 ? "dotted3" : "dotted4") : kind;
    return { kind: k, label, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

export function newNode(kind: OutlineNode["kind"], label: string, head: string, parent: OutlineNode | null): OutlineNode {
  return { kind, label, head, paras: [], children: [], parent };
}

/**
 * Where a new marker of `kind` goes: a sibling of the nearest open node of the same kind, else a child of the
 * deepest open node. Returns the new node's parent.
 */
export function placeFor(stack: OutlineNode[], kind: MarkerKind): OutlineNode {
  for (let i = stack.length - 1; i > 0; i--) {
    if (stack[i]!.kind === kind) {
      stack.length = i;
      return stack[i - 1]!;
    }
  }
  // "VI. KINH PHÍ" after "V. TỔ CHỨC THỰC HIỆN" whose items the text left (a paragraph read as new work closed them):
  // a section numeral already used at the top stays at the top, never under an item.
  if (kind === "roman" && stack[0]!.children.some((c) => c.kind === "roman")) {
    stack.length = 1;
    return stack[0]!;
  }
  // "Điều 1" is an article of the decision itself: never a sub-item of the "- Căn cứ …" lines above it.
  if (kind === "dieu") {
    stack.length = 1;
    return stack[0]!;
  }
  return stack[stack.length - 1]!;
}

export function isNumbered(kind: OutlineNode["kind"]): boolean {
  return kind === "roman" || kind === "arabic" || kind.startsWith("dotted") || kind === "dieu" || kind === "letter" || kind === "paren";
}

export type { Line };

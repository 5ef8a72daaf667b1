/**
 * Word's automatic numbering, restored as text. mammoth tells each paragraph only {level, isOrdered}; the format
 * ("1.", "a)", "I.", "-") and which list it belongs to live in numbering.xml. prepareNumbering() gives every list (w:num)
 * its own copy of its abstract definition, tagged with a marker style id "dondoc:<numId>:<level>" that mammoth passes
 * through as the level's paragraphStyleId, so each numbered paragraph can be traced back to its list and format.
 */
export interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
}

interface NumberingInfo {
  /** numId → abstractNumId and the levels restarted by a lvlOverride/startOverride. */
  nums: Map<string, { abstractId: string; startOverrides: Map<string, number> }>;
  abstracts: Map<string, Map<string, LevelFormat>>;
  /** Real paragraph styles that carry numbering (headings): style id → [abstractId, level]. */
  styleLevels: Map<string, [string, string]>;
}

const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

export function prepareNumbering(xml: string): { xml: string; info: NumberingInfo } {
  const info: NumberingInfo = { nums: new Map(), abstracts: new Map(), styleLevels: new Map() };
  const abstractXml = new Map<string, string>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*>[\s\S]*?<\/w:abstractNum>/g)) {
    const id = attr(m[0].slice(0, m[0].indexOf(">")), "w:abstractNumId");
    if (id === undefined) continue;
    abstractXml.set(id, m[0]);
    const levels = new Map<string, LevelFormat>();
    for (const lvl of m[0].matchAll(/<w:lvl\b[^>]*>[\s\S]*?<\/w:lvl>/g)) {
      const ilvl = attr(lvl[0].slice(0, lvl[0].indexOf(">")), "w:ilvl") ?? "0";
      levels.set(ilvl, {
        numFmt: attr(/<w:numFmt\b[^>]*>/.exec(lvl[0])?.[0] ?? "", "w:val") ?? "decimal",
        lvlText: attr(/<w:lvlText\b[^>]*>/.exec(lvl[0])?.[0] ?? "", "w:val") ?? "",
        start: Number(attr(/<w:start\b[^>]*>/.exec(lvl[0])?.[0] ?? "", "w:val") ?? 1),
      });
      const style = attr(/<w:pStyle\b[^>]*>/.exec(lvl[0])?.[0] ?? "", "w:val");
      if (style !== undefined && !info.styleLevels.has(style)) info.styleLevels.set(style, [id, ilvl]);
    }
    info.abstracts.set(id, levels);
  }

  const copies: string[] = [];
  const rewritten = xml.replace(/<w:num\b[^>]*>[\s\S]*?<\/w:num>/g, (num) => {
    const numId = attr(num.slice(0, num.indexOf(">")), "w:numId");
    const abstractId = attr(/<w:abstractNumId\b[^>]*>/.exec(num)?.[0] ?? "", "w:val");
    const source = abstractId === undefined ? undefined : abstractXml.get(abstractId);
    if (numId === undefined || abstractId === undefined || source === undefined) return num;
    const startOverrides = new Map<string, number>();
    for (const o of num.matchAll(/<w:lvlOverride\b[^>]*>[\s\S]*?<\/w:lvlOverride>/g)) {
      const start = attr(/<w:startOverride\b[^>]*>/.exec(o[0])?.[0] ?? "", "w:val");
      if (start !== undefined) startOverrides.set(attr(o[0].slice(0, o[0].indexOf(">")), "w:ilvl") ?? "0", Number(start));
    }
    info.nums.set(numId, { abstractId, startOverrides });
    copies.push(tagCopy(source, `dondoc${numId}`, numId));
    return num.replace(/(<w:abstractNumId\b[^>]*w:val=")[^"]*"/, `$1dondoc${numId}"`);
  });
  return { xml: rewritten.replace(/<\/w:numbering>/, `${copies.join("")}</w:numbering>`), info };
}

function tagCopy(abstract: string, copyId: string, numId: string): string {
  return abstract
    .replace(/(<w:abstractNum\b[^>]*w:abstractNumId=")[^"]*"/, `$1${copyId}"`)
    .replace(/<w:lvl\b[^>]*>[\s\S]*?<\/w:lvl>/g, (lvl) => {
      if (/<w:pStyle\b/.test(lvl)) return lvl;
      const open = lvl.slice(0, lvl.indexOf(">") + 1);
      const ilvl = attr(open, "w:ilvl") ?? "0";
      return `${open}<w:pStyle w:val="dondoc:${numId}:${ilvl}"/>${lvl.slice(open.length)}`;
    });
}

/**
 * Counts list items as Word does: per abstract list and level; a deeper level restarts after a shallower item; a list
 * with a startOverride restarts when its first paragraph appears.
 */
export class NumberingCounter {
  private counters = new Map<string, number[]>();
  private seenNums = new Set<string>();

  constructor(private readonly info: NumberingInfo) {}

  label(numbering: { level: string; isOrdered: boolean; paragraphStyleId?: string | null }): string {
    const level = Number(numbering.level) || 0;
    const target = this.resolve(numbering.paragraphStyleId ?? null);
    if (!target) return numbering.isOrdered ? this.fallback(level) : bullet(level, "");
    const { abstractId, numId } = target;
    const formats = this.info.abstracts.get(abstractId) ?? new Map<string, LevelFormat>();
    const counts = this.counters.get(abstractId) ?? [];
    this.counters.set(abstractId, counts);
    const own = formats.get(String(level));
    if (numId !== null && !this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      const override = this.info.nums.get(numId)?.startOverrides.get(String(level));
      if (override !== undefined) counts[level] = override - 1;
    }
    counts[level] = (counts[level] ?? (own?.start ?? 1) - 1) + 1;
    counts.length = level + 1; // deeper levels restart
    if (!own || own.numFmt === "bullet") return bullet(level, own?.lvlText ?? "");
    if (own.numFmt === "none") return "";
    if (!own.lvlText) return usual(level, counts[level]!);
    return own.lvlText.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      const fmt = formats.get(String(at))?.numFmt ?? "decimal";
      return formatNumber(counts[at] ?? formats.get(String(at))?.start ?? 1, fmt);
    });
  }

  private resolve(styleId: string | null): { abstractId: string; numId: string | null } | null {
    if (!styleId) return null;
    const marker = /^dondoc:([^:]+):/.exec(styleId);
    if (marker) {
      const num = this.info.nums.get(marker[1]!);
      return num ? { abstractId: num.abstractId, numId: marker[1]! } : null;
    }
    const styled = this.info.styleLevels.get(styleId);
    return styled ? { abstractId: styled[0], numId: null } : null;
  }

  // Without numbering.xml details: the usual Vietnamese layout, 1. / a) / -.
  private fallbackCounts: number[] = [];
  private fallback(level: number): string {
    this.fallbackCounts[level] = (this.fallbackCounts[level] ?? 0) + 1;
    this.fallbackCounts.length = level + 1;
    return usual(level, this.fallbackCounts[level]!);
  }
}

function usual(level: number, n: number): string {
  return level === 0 ? `${n}.` : level === 1 ? `${formatNumber(n, "lowerLetter")})` : "-";
}

function bullet(level: number, lvlText: string): string {
  if (lvlText === "+" || lvlText === "-") return lvlText;
  return level === 0 ? "-" : "+";
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb...
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, digits] of table) for (; n >= value; n -= value) out += digits;
  return out;
}

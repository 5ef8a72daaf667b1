import type { TextItem } from "./pdf-layout.js";

/**
 * Repairs a text layer where Vietnamese letters were drawn as base glyph + mark glyph (LibreOffice does this when the
 * font lacks the precomposed letter). Its ToUnicode map gives the whole letter to the base glyph the first time that
 * glyph is used ("ố" for the ô glyph) and nothing to the mark glyph, which pdf.js then reads by its raw code: a control
 * character, or for higher codes an ASCII/WinAnsi sign stuck inside a word ("cu(a", "vể7tiếp").
 * A letter's first use followed by a mark glyph teaches which tone that mark carries (ố = ô + ◌́); from then on the
 * letter stands for its bare base glyph (ô), and each mark glyph after a letter adds its tone back.
 * Returns null when the control characters are not mark glyphs at all (then OCR is the better reading), and
 * complete = false when some mark glyph never showed its tone (its tone is dropped).
 */
const CONTROL = /[\u0001-\u0008\u000b-\u001f]/u;
/** Signs that never sit between a vowel and a letter in Vietnamese text; in a repaired file they are mark glyphs. */
const STRAY = /[0-9(*+#$%&<=>@[\\\]^_`{|}~ƒˆ˜‚„†‡‰‹›-]/u;
const VOWEL = /^[aăâeêioôơuưy]/iu;
/** Codes that land on ASCII letters or quotes: a capital or a quote between a small vowel and a small letter. */
const STRAY_IN_WORD = /["'.A-Z]/u;
/** Vietnamese tone marks (as opposed to the vowel marks ˆ ˘ ̛ that belong to the letter itself). */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

export function repairMarkGlyphs(pages: TextItem[][]): { pages: TextItem[][]; complete: boolean } | null {
  // One stream of characters in drawing order; a space stands between items that are not side by side on one line, so
  // a letter at the end of a line is not taken as the neighbour of the first letter of the next.
  const chars: string[] = [];
  const owner: number[] = []; // index of the item a character belongs to, -1 for those separators
  let index = 0;
  for (const items of pages) {
    items.forEach((item, n) => {
      const previous = items[n - 1];
      if (previous && (Math.abs(previous.y - item.y) > item.height * 0.3 || item.x - (previous.x + previous.width) > item.height)) {
        chars.push(" ");
        owner.push(-1);
      }
      for (const c of item.str) {
        chars.push(c);
        owner.push(index);
      }
      index++;
    });
    chars.push(" ");
    owner.push(-1);
  }
  const control = chars.map((c) => CONTROL.test(c));
  const first = learn(chars, control);
  if (first.composite.size === 0) return null;
  // Only in a file that shows the pattern: stray signs between a vowel and a letter are mark glyphs too.
  // (A digit before a space may be a real code like "A4"; other signs right after a vowel never are.)
  const candidateMarks = chars.map((c, i) => {
    if (control[i]) return true;
    const previous = bare(chars[i - 1] ?? "").normalize("NFD");
    const next = chars[i + 1] ?? " ";
    if (STRAY_IN_WORD.test(c)) return /^[aăâeêioôơuưy]/u.test(previous) && (/\p{Ll}/u.test(next) || (/[A-Z]/.test(c) && next === " "));
    if (!STRAY.test(c) || !VOWEL.test(previous)) return false;
    return /[\p{L}“‘"(]/u.test(next) || (!/\d/.test(c) && next === " ");
  });
  const candidates = learn(chars, candidateMarks);
  // A sign is a mark only once a first use taught its tone; an unexplained sign stays as it is (it may be real text).
  const isMark = chars.map((c, i) => control[i]! || (candidateMarks[i]! && candidates.marks.has(c)));
  const { marks, composite } = learn(chars, isMark);
  const complete = chars.every((c, i) => !candidateMarks[i] || marks.has(c));

  // Rewritten over the whole character stream: a mark glyph is often an item of its own right after its letter.
  const texts: string[] = [];
  const dropped: number[] = [];
  chars.forEach((c, i) => {
    const item = owner[i]!;
    if (item < 0) return;
    texts[item] ??= "";
    dropped[item] ??= 0;
    if (isMark[i]) {
      dropped[item]++;
      return;
    }
    // A letter has one tone: when a mark glyph follows, the tone comes from it.
    const tone = isMark[i + 1] ? marks.get(chars[i + 1]!) : undefined;
    if (tone) texts[item] += (bare(c) + tone).normalize("NFC");
    else texts[item] += composite.has(c) ? bare(c) : c;
  });
  let at = 0;
  const repaired = pages.map((items) =>
    items.map((item) => {
      const n = at++;
      const length = [...item.str].length;
      // A mark glyph inside an item still counted an advance in the item's width; take it back so word gaps survive.
      const advance = length > 0 ? item.width / length : 0;
      return { ...item, str: texts[n] ?? "", width: item.width - advance * (dropped[n] ?? 0) };
    }),
  );
  return { pages: repaired, complete };
}

function learn(chars: string[], isMark: boolean[]): { marks: Map<string, string>; composite: Set<string> } {
  const marks = new Map<string, string>();
  const seen = new Set<string>();
  chars.forEach((letter, i) => {
    if (isMark[i] || seen.has(letter)) return;
    seen.add(letter);
    // The mapping was fixed by the glyph's first use: only then does a following mark belong to the mapped letter.
    const tone = toneOf(letter);
    if (isMark[i + 1] && tone && !marks.has(chars[i + 1]!)) marks.set(chars[i + 1]!, tone);
  });
  // A toned letter ever followed by a mark glyph is a base glyph's mapping: within one font, LibreOffice would not
  // compose a letter the font has, so no precomposed glyph shares that text. (A mark glyph with code 0 is dropped by
  // pdf.js, so the first use may show no mark at all.)
  const composite = new Set(chars.filter((letter, i) => !isMark[i] && isMark[i + 1] && toneOf(letter)));
  return { marks, composite };
}

function toneOf(letter: string): string | null {
  return [...letter.normalize("NFD")].find((c) => TONE.test(c)) ?? null;
}

function bare(letter: string): string {
  return [...letter.normalize("NFD")].filter((c) => !TONE.test(c)).join("").normalize("NFC");
}

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
const STRAY = /[0-9(*+#$%&<=>@[\\\]^_`{|}~ƒˆ˜‚„†‡‰‹›]/u;
const VOWEL = /^[aăâeêioôơuưy]/iu;
/** Vietnamese tone marks (as opposed to the vowel marks ˆ ˘ ̛ that belong to the letter itself). */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

export function repairMarkGlyphs(pages: TextItem[][]): { pages: TextItem[][]; complete: boolean } | null {
  const chars = pages.flatMap((items) => items.flatMap((item) => [...item.str]));
  const control = chars.map((c) => CONTROL.test(c));
  const first = learn(chars, control);
  if (first.composite.size === 0) return null;
  // Only in a file that shows the pattern: stray signs between a vowel and a letter are mark glyphs too.
  // (A digit before a space may be a real code like "A4"; other signs right after a vowel never are.)
  const isMark = chars.map((c, i) => {
    if (control[i]) return true;
    if (!STRAY.test(c) || !VOWEL.test(bare(chars[i - 1] ?? "").normalize("NFD"))) return false;
    return /\p{L}/u.test(chars[i + 1] ?? "") || (!/\d/.test(c) && (chars[i + 1] ?? " ") === " ");
  });
  const { marks, composite } = learn(chars, isMark);
  const complete = chars.every((c, i) => !isMark[i] || marks.has(c));

  // Rewritten over the whole character stream: a mark glyph is often an item of its own right after its letter.
  let at = 0;
  const repaired = pages.map((items) =>
    items.map((item) => {
      const source = [...item.str];
      let out = "";
      let dropped = 0;
      for (const c of source) {
        const i = at++;
        if (isMark[i]) {
          dropped++;
          continue;
        }
        // A letter has one tone: when a mark glyph follows, the tone comes from it.
        const tone = isMark[i + 1] ? marks.get(chars[i + 1]!) : undefined;
        if (tone) out += (bare(c) + tone).normalize("NFC");
        else out += composite.has(c) ? bare(c) : c;
      }
      // A mark glyph inside an item still counted an advance in the item's width; take it back so word gaps survive.
      const advance = source.length > 0 ? item.width / source.length : 0;
      return { ...item, str: out, width: item.width - advance * dropped };
    }),
  );
  return { pages: repaired, complete };
}

function learn(chars: string[], isMark: boolean[]): { marks: Map<string, string>; composite: Set<string> } {
  const marks = new Map<string, string>();
  const composite = new Set<string>(); // letters whose mapping came from a base glyph + mark
  const seen = new Set<string>();
  chars.forEach((letter, i) => {
    if (isMark[i] || seen.has(letter)) return;
    seen.add(letter);
    // The mapping was fixed by the glyph's first use: only then does a following mark belong to the mapped letter.
    const tone = toneOf(letter);
    if (!isMark[i + 1] || !tone) return;
    composite.add(letter);
    if (!marks.has(chars[i + 1]!)) marks.set(chars[i + 1]!, tone);
  });
  return { marks, composite };
}

function toneOf(letter: string): string | null {
  return [...letter.normalize("NFD")].find((c) => TONE.test(c)) ?? null;
}

function bare(letter: string): string {
  return [...letter.normalize("NFD")].filter((c) => !TONE.test(c)).join("").normalize("NFC");
}

/**
 * Vietnamese text folding for matching. Names and replies arrive in NFC or NFD, with old ("hoà", "uỷ") or new ("hòa",
 * "ủy") tone placement, and often without diacritics ("da xong"); all of these must compare equal.
 */

// Old-style tone on the first vowel of oa/oe/uy → new style on the second. Only the pairs that differ.
const TONE_PLACEMENT: ReadonlyArray<[RegExp, string]> = [
  ["oà", "òa"], ["oá", "óa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"],
  ["oè", "òe"], ["oé", "óe"], ["oẻ", "ỏe"], ["oẽ", "õe"], ["oẹ", "ọe"],
  ["uỳ", "ùy"], ["uý", "úy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"],
].map(([from, to]) => [new RegExp(`${from}(?![\\p{L}])`, "gu"), to] as [RegExp, string]);

/** NFC, lower case, new-style tone placement (at word ends, where the two styles differ). */
export function normalizeVietnamese(text: string): string {
  let out = text.normalize("NFC").toLowerCase();
  for (const [re, to] of TONE_PLACEMENT) out = out.replace(re, to);
  return out;
}

/** Removes all diacritics, đ → d. */
export function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/**
 * The diacritic-insensitive key: lower case, no marks, letters and digits separated by single spaces.
 * "Uỷ ban nhân dân  Huyện" and "uy ban nhan dan huyen" fold to the same key.
 */
export function foldKey(text: string): string {
  return stripDiacritics(normalizeVietnamese(text))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Words run together by a portal's rendering ("Đào tạochủ trì", "Uỷ ban nhân dântỉnh", "BanĐiều hành"): a Vietnamese
 * syllable has one vowel nucleus, so a token with two nuclei that both carry a Vietnamese mark is two syllables glued.
 * Requiring the marks keeps foreign words ("Covid", "Colgate", "Internet") whole. The split puts the consonants
 * between the nuclei into the longest onset that leaves a valid coda ("dântỉnh" → "dân" + "tỉnh").
 */
const PLAIN = "aeiouy";
const NUCLEUS = /[aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ]+/giu;
const ONSETS = ["ngh", "ng", "nh", "ch", "gh", "kh", "ph", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];
const CODAS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
const STOP_CODAS = new Set(["c", "ch", "p", "t"]);
const marked = (g: string) => [...g].some((ch) => !PLAIN.includes(ch));
/** The nucleus without its tone mark, and the tone ("\u0301" sắc, "\u0323" nặng, … or ""). */
function untone(nucleus: string): { base: string; tone: string } {
  const d = nucleus.normalize("NFD");
  const tone = /[\u0300\u0301\u0303\u0309\u0323]/u.exec(d)?.[0] ?? "";
  return { base: d.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "").normalize("NFC"), tone };
}
// A nucleus ending in a glide ("ao", "ai", "êu", "ươi") takes no consonant after it.
const GLIDE_END = /(?:[aăâeêoôơuư]i|[aăâeê]o|[aâêiươ]u|[aâ]y)$/u;

/**
 * Where `word` splits into two glued words, or -1. Only the first boundary; callers split the rest again. A split
 * is made only when the syllable rules leave one reading: a stop coda (c, ch, p, t) only after a sắc or nặng tone,
 * none after a glide, a non-empty onset; "cáchuyện" (các huyện / cá chuyện) stays as written.
 */
export function gluedAt(word: string): number {
  if (word.length < 4 || /[\p{N}_]/u.test(word)) return -1;
  // "luậtNgày", "BanĐiều": a capital inside a word of small letters starts the next word.
  const cap = /\p{Ll}(?=\p{Lu}\p{Ll})/u.exec(word);
  // "UBNDtỉnh", "UBNDcác": an abbreviation of three capitals or more glued to the small word after it.
  const acronym = cap ? null : /^\p{Lu}{3,}(?=\p{Ll}{2})/u.exec(word);
  const capAt = cap ? cap.index + 1 : acronym ? acronym[0].length : -1;
  const lower = word.toLowerCase();
  const groups = [...lower.matchAll(NUCLEUS)];
  let at = -1;
  if (groups.length >= 2 && marked(groups[0]![0]) && marked(groups[1]![0])) {
    const from = groups[0]!.index! + groups[0]![0].length;
    const cluster = lower.slice(from, groups[1]!.index!);
    const { base, tone } = untone(groups[0]![0]);
    const readings = ONSETS.filter((onset) => {
      if (!cluster.endsWith(onset)) return false;
      const coda = cluster.slice(0, cluster.length - onset.length);
      if (!CODAS.has(coda)) return false;
      if (coda !== "" && GLIDE_END.test(base)) return false;
      return !STOP_CODAS.has(coda) || tone === "\u0301" || tone === "\u0323";
    });
    if (readings.length === 1) at = from + cluster.length - readings[0]!.length;
  }
  if (capAt > 0 && (at < 0 || capAt < at)) return capAt;
  return at;
}

// The lists of a dispatch repeat their words ("các", "huyện", "Sở"): each word's reading is kept, as names.ts keeps keys.
const UNGLUED = new Map<string, string>();

/** `word` with spaces where glued words meet ("Chủtịch" → "Chủ tịch"). */
export function unglue(word: string): string {
  // gluedAt splits nothing shorter than 4 characters; most syllables are (and the map lookup costs more than this test).
  if (word.length < 4) return word;
  let out = UNGLUED.get(word);
  if (out === undefined) {
    out = splitGlued(word);
    if (UNGLUED.size >= 5000) UNGLUED.clear();
    UNGLUED.set(word, out);
  }
  return out;
}

function splitGlued(word: string): string {
  const parts: string[] = [];
  let rest = word;
  for (let at = gluedAt(rest); at > 0 && parts.length < 8; at = gluedAt(rest)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts.join(" ");
}

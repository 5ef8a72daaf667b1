import { foldKey, normalizeVietnamese } from "../text/vietnamese.js";

/**
 * Canonical names of bodies, so "Sở TT&TT", "Sở Thông tin và Truyền thông" and "sở thông tin va truyen thong" can be
 * matched against the unit directory. The same rules as the evaluation scorer, plus more abbreviations.
 */

// Upper-case-only abbreviations: "TU"/"HU" are ordinary syllables in lower case ("tu bổ"), so only the stamp form counts.
const UPPER_ONLY: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\p{L}\p{N}])TU(?![\p{L}\p{N}])/gu, "tỉnh ủy"],
  [/(?<![\p{L}\p{N}])HU(?![\p{L}\p{N}])/gu, "huyện ủy"],
  [/(?<![\p{L}\p{N}])TX(?![\p{L}\p{N}])/gu, "thị xã"],
];

// Forms joined by "&" or "-" are rewritten before punctuation is dropped; the rest are whole words afterwards.
const JOINED: ReadonlyArray<[RegExp, string]> = [
  [/lđ\s*[-–]?\s*tb\s*&\s*xh/gu, "lđtbxh"],
  [/vh\s*[-,]?\s*tt\s*&\s*dl/gu, "vhttdl"],
  [/tt\s*&\s*tt/gu, "tttt"],
  [/gd\s*&\s*[đd]t/gu, "gdđt"],
  [/kh\s*&\s*[đd]t/gu, "khđt"],
  [/tn\s*&\s*mt/gu, "tnmt"],
  [/nn\s*&\s*ptnt/gu, "nnptnt"],
  [/ct\s*[-–]\s*xh/gu, "ctxh"],
];

const WORDS: ReadonlyArray<[string, string]> = [
  ["ubmttq", "ủy ban mặt trận tổ quốc"],
  ["ubnd", "ủy ban nhân dân"],
  ["hđnd", "hội đồng nhân dân"],
  ["mttq", "mặt trận tổ quốc"],
  ["ctđ", "chữ thập đỏ"],
  ["btv", "ban thường vụ"],
  ["tw", "trung ương"],
  ["lđtbxh", "lao động thương binh và xã hội"],
  ["tttt", "thông tin và truyền thông"],
  ["gdđt", "giáo dục và đào tạo"],
  ["khđt", "kế hoạch và đầu tư"],
  ["tnmt", "tài nguyên và môi trường"],
  ["nnptnt", "nông nghiệp và phát triển nông thôn"],
  ["vhttdl", "văn hóa thể thao và du lịch"],
  ["lhpn", "liên hiệp phụ nữ"],
  ["ccb", "cựu chiến binh"],
  ["tncs hcm", "thanh niên cộng sản hồ chí minh"],
  ["tncs", "thanh niên cộng sản"],
  ["hcm", "hồ chí minh"],
  ["ctxh", "chính trị xã hội"],
  ["tp", "thành phố"],
  ["vn", "việt nam"],
  ["tnhh", "trách nhiệm hữu hạn"],
  // Typed without diacritics ("HDND", "GD&DT"): same bodies.
  ["hdnd", "hội đồng nhân dân"],
  ["ctd", "chữ thập đỏ"],
  ["ldtbxh", "lao động thương binh và xã hội"],
  ["gddt", "giáo dục và đào tạo"],
  ["khdt", "kế hoạch và đầu tư"],
];
const WORD_RES: ReadonlyArray<[RegExp, string]> = WORDS.map(([a, b]) => [
  new RegExp(`(?<![\\p{L}\\p{N}])${a}(?![\\p{L}\\p{N}])`, "gu"),
  b,
]);

// Titles and request verbs in front of a body do not change the body ("Giám đốc Sở Y tế" is "Sở Y tế").
const LEADING =
  /^(các|đề nghị|giao|yêu cầu|ông bà|ông|bà|đồng chí|giám đốc|phó giám đốc|thủ trưởng|chủ tịch|phó chủ tịch|trưởng|hiệu trưởng|người đứng đầu|bí thư|chánh)\s+/u;

const CANON_CACHE = new Map<string, string>();

/** Lower-case, NFC, new tone placement, abbreviations expanded, leading titles dropped, punctuation as single spaces. */
export function canonicalName(name: string): string {
  let c = CANON_CACHE.get(name);
  if (c === undefined) {
    c = canonicalize(name);
    if (CANON_CACHE.size >= 5000) CANON_CACHE.clear();
    CANON_CACHE.set(name, c);
  }
  return c;
}

function canonicalize(name: string): string {
  let t = name.normalize("NFC");
  for (const [re, rep] of UPPER_ONLY) t = t.replace(re, rep);
  t = normalizeVietnamese(t);
  for (const [re, rep] of JOINED) t = t.replace(re, rep);
  t = t.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  for (const [re, rep] of WORD_RES) t = t.replace(re, rep);
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(LEADING, "");
  }
  return t.replace(/\s+/g, " ").trim();
}

// The reader compares the same few names many times per dispatch; a bounded memo keeps that cheap.
const KEY_CACHE = new Map<string, string>();

/** The diacritic-insensitive matching key of a body's name: equal keys mean the same body. */
export function nameKey(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key === undefined) {
    key = foldKey(canonicalName(name));
    if (KEY_CACHE.size >= 5000) KEY_CACHE.clear();
    KEY_CACHE.set(name, key);
  }
  return key;
}

/**
 * Same body, as the evaluation counts it: equal canonical names, or ≥ 75 % shared words ("UBND quận, huyện, thị xã"
 * and "UBND các quận, huyện, thị xã").
 */
// sameBody compares every predicted name with every issuer and recipient: each key's words are split once.
const WORD_SETS = new Map<string, Set<string>>();
function wordSet(key: string): Set<string> {
  let set = WORD_SETS.get(key);
  if (set === undefined) {
    set = new Set(key.split(" "));
    if (WORD_SETS.size >= 5000) WORD_SETS.clear();
    WORD_SETS.set(key, set);
  }
  return set;
}

export function sameBody(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return ka !== "";
  const ta = wordSet(ka);
  const tb = wordSet(kb);
  let inter = 0;
  for (const w of ta) if (tb.has(w)) inter++;
  return inter / (ta.size + tb.size - inter || 1) >= 0.75;
}

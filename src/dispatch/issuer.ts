/**
 * The issuer of a dispatch from the upper-case lines of its header ("UBND HUYỆN ĐỨC TRỌNG / PHÒNG GIÁO DỤC VÀ ĐÀO
 * TẠO", "ĐẢNG BỘ TỈNH LÂM ĐỒNG / HUYỆN ỦY LẠC DƯƠNG").
 */
export const ISSUER_HEAD = /(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|BỘ |SỞ |PHÒNG |BAN |(?:HUYỆN|TỈNH|THÀNH|QUẬN|THỊ|ĐẢNG) (?:ỦY|UỶ)|TRƯỜNG |CÔNG AN|VĂN PHÒNG|BAN CHỈ ĐẠO)/u;
const ACRONYM = /^(?:UBND|HĐND|MTTQ|UBMTTQ|TP|TX|VN|BCĐ|BQL|CHXHCN)$/u;
const ORG_HEAD = /(?:^|\s)(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|(?:HUYỆN|TỈNH|THÀNH|QUẬN|THỊ|ĐẢNG) (?:ỦY|UỶ)|TRƯỜNG|BỘ CHỈ HUY|CÔNG AN|CHI CỤC|CỤC)\s/gu;
const PLACE = /^(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)$/u;

/**
 * The issuer from the upper-case lines of the header: the lowest body named ("PHÒNG GIÁO DỤC…" under "UBND HUYỆN…",
 * "HUYỆN ỦY LẠC DƯƠNG" under "ĐẢNG BỘ TỈNH…"); written in sentence case with the place name capitalised.
 */
export function issuerName(parts: string[]): string {
  // "ĐẢNG BỘ TỈNH HÀ TĨNH / TỈNH ỦY": a committee named without its place takes the place of the Party organisation above.
  const last = parts[parts.length - 1]?.trim() ?? "";
  const bare = /^(TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|ĐẢNG) (?:ỦY|UỶ)$/u.exec(last);
  const above = bare ? parts.slice(0, -1).map((p) => /^ĐẢNG BỘ (?:TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG) (.+)$/u.exec(p.trim())).find(Boolean) : null;
  if (bare && above) parts = [`${bare[1]} ỦY ${above[1]}`];
  let raw = parts.join(" ").replace(/\s+/g, " ").trim();
  for (const m of raw.matchAll(ORG_HEAD)) {
    const at = m.index + (m[0].startsWith(" ") ? 1 : 0);
    if (at > 0 && /(?:^|\s)(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG)\s/u.test(raw.slice(0, at))) raw = raw.slice(at);
  }
  let place = false;
  const words = raw.split(" ").map((w, i, all) => {
    if (ACRONYM.test(w)) return w;
    const lower = w.toLowerCase();
    if (place && /^(?:ủy|uỷ)$/u.test(lower)) return lower;
    const out = i === 0 || place ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    if (PLACE.test(w) || (i > 0 && PLACE.test(`${all[i - 1]} ${w}`))) place = true;
    return out;
  });
  return words.join(" ");
}


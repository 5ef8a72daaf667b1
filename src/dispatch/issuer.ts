import { isGeneric } from "./bodies.js";
import type { SentenceLeads } from "./roles.js";
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


/**
 * What a body does on its own in a news lead: holds a meeting, a ceremony or a launch, starts a campaign or a plan,
 * announces, goes to inspect ("đến kiểm tra", "kiểm tra hiện trường"). Not a duty ("có nhiệm vụ", "chủ trì, phối hợp …") or work on a matter ("tổ chức chỉ đạo, giám sát …"),
 * which the page may give to a body it is not about.
 */
const OWN_EVENT =
  /^\s*(?:(?:đã|vừa|sẽ|mới|cũng)\s+)*(?:tổ chức\s+(?:(?:thành công|long trọng|trọng thể)\s+)?(?:hội nghị|hội thảo|lễ|họp|cuộc họp|phiên họp|buổi|đại hội|hội thi|cuộc thi|ra quân|khai mạc|phát động|triển khai|tọa đàm|giao ban|tổng kết|sơ kết|kỳ họp|ngày hội)|họp|ra quân|khai mạc|bế mạc|phát động|tổng kết|sơ kết|(?:đến|đi)\s+(?:kiểm tra|thăm|làm việc|khảo sát)|kiểm tra\s+(?:hiện trường|thực tế)|thăm và làm việc|triển khai\s+(?:kế hoạch|công tác)|xây dựng kế hoạch|ký\s+(?:ban hành|quyết định|văn bản|công văn|kế hoạch))(?![\p{L}])/iu;

const QUOTED_TITLE = /^\s*(?:“[^”]{1,160}”|"[^"]{1,160}")/u;

// "Ngày 21/5, Phường Trần Hưng Đạo triển khai công tác lấy ý kiến cử tri …": a place acting is its government.
const PLACE_ACTS =
  /^(?:\([^()]{1,20}\)\s*[-–]\s*)?(?:(?:Ngày|Sáng|Chiều|Tối|Trưa)[^,.]{0,30},\s*)?(Phường|Xã|Huyện|Quận|Thị xã|Thành phố|Thị trấn|Tỉnh)\s+((?:\p{Lu}[\p{L}\d]*\s+){0,3}\p{Lu}[\p{L}\d]*)\s+/u;

/**
 * The body a news lead shows acting on its own ("Ngày 30-9, Huyện ủy Bố Trạch tổ chức hội nghị …"), as the page's
 * issuer; null for a request (those asked act), several bodies or a collective ("Các cấp ủy tổ chức …" are told), a
 * generic one, or any other verb.
 */
export function ownActor(sentence: string, l: SentenceLeads | null): string[] | null {
  if (l && l.leads.length > 0) {
    const [name] = l.leads;
    if (l.requested || l.leads.length > 1 || /(?:^|\s)các\s/iu.test(name!) || isGeneric(l.leads)) return null;
    // "Hội đồng nghĩa vụ Quân sự (NVQS) huyện Ninh Sơn tổ chức cuộc họp …": the name is read without the abbreviation
    // the page puts in brackets inside it.
    const text = sentence.includes(name!) ? sentence : sentence.replace(/\s*\([^()]{1,20}\)/gu, "");
    const at = text.indexOf(name!);
    // "Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa huyện” tổ chức cuộc họp …": a board named
    // for a movement or contest carries the quoted title in its name.
    const after = at >= 0 ? text.slice(at + name!.length).replace(QUOTED_TITLE, "") : "";
    return at >= 0 && OWN_EVENT.test(after) ? [name!] : null;
  }
  const place = PLACE_ACTS.exec(sentence);
  return place && OWN_EVENT.test(sentence.slice(place[0].length - 1)) ? [`UBND ${place[1]!.toLowerCase()} ${place[2]}`] : null;
}

/**
 * Step: outline and prose → task items with their assignees. Follows the annotation guide: the smallest numbered unit
 * that assigns work; bullets naming a different lead become "ref#k"; a heading that is only a body name leads its
 * block; items naming no body fall to the Kính gửi recipients (implicit); "Mục đích, yêu cầu" is not work; the
 * issuer's own actions are not tasks.
 */
import type { Assignee, ParsedTask } from "./schema.js";
import type { OutlineNode } from "./outline.js";
import { isNumbered } from "./outline.js";
import type { Structure } from "./structure.js";
import { coordinatorsIn, endsInDirectedList, isCollectiveWork, isExecutionClause, isWorkSentence, leadsIn, leadsOfSentence, sentences } from "./roles.js";
import { nameKey, sameBody } from "./names.js";
import { isGeneric } from "./bodies.js";
import { samePerson } from "./rosters.js";
import { fieldsIn, itemFields, rolesOf, type ItemFields } from "./fields.js";

export interface TaskContext {
  /** Recipients split into bodies: the assignees of implicit items. */
  implicitTo: string[];
  issuer: string[];
  /** The document's own number ("10989/BNV-TCBC"), when its header gives one. */
  number?: string | null;
}

// "…, Bộ Nội vụ đã có Văn bản số 8091/BNV-TCBC ngày 17/9/2025 đề nghị các Bộ, ngành, địa phương báo cáo …": what an
// earlier document of another number asked is the background of this one's request, not a task of it.
const EARLIER_DOC = /(?:^|\s)đã\s+(?:có|ban hành|gửi)\s+(?:[Vv]ăn bản|[Cc]ông văn|[Cc]ông điện|[Cc]hỉ thị|[Kk]ế hoạch|[Tt]hông báo|[Qq]uyết định|[Hh]ướng dẫn)\s+(?:số\s*)?(\d+[^\s,;]*)/u;
function asksInEarlierDoc(s: string, number: string | null | undefined): boolean {
  const m = number ? EARLIER_DOC.exec(s) : null;
  const own = (n: string) => n.replace(/\s+/gu, "").toLowerCase().replace(/[.,;]+$/u, "");
  return m !== null && own(m[1]!) !== own(number!) && !own(m[1]!).startsWith(own(number!).split("/")[0]! + "/");
}

// Section titles that carry no work, even when their items name bodies ("Mục đích, yêu cầu").
const NOT_WORK_SECTION =
  /^(?:mục đích|mục tiêu|yêu cầu|căn cứ(?: pháp lý| xây dựng kế hoạch)?|quan điểm|đặc điểm|tình hình|kết quả|đánh giá|thực trạng|sự cần thiết|cơ sở pháp lý|phạm vi|đối tượng)(?:[\s,;và-]+(?:yêu cầu|mục tiêu|mục đích|quan điểm|tình hình|kết quả|thực trạng|đối tượng|phạm vi|[\p{L}\s]{0,40}?))?\s*[.:]?\s*$/iu;

// "1. Mục đích: …" with its text on the same line.
const NOT_WORK_LABEL = /^(?:mục đích|mục tiêu|yêu cầu)(?:[\s,;và-]+(?:yêu cầu|mục tiêu|mục đích))*\s*:/iu;

// Information items ("Thời gian: …", "Địa điểm: …") carry no work unless they name a body.
const INFO_NOUN = "(?:thời gian|địa điểm|nội dung|thành phần|hồ sơ|kinh phí|hình thức|đối tượng|phạm vi|thể lệ|cách thức|giải thưởng|cơ cấu giải|chủ đề|liên hệ|địa chỉ|số lượng|tiêu chí|tiêu chuẩn|điều kiện|lệ phí|quy mô|trang phục)";
// A heading made of nouns of facts alone, without its colon ("II. THÀNH PHẦN", "I. Thời gian và Phạm vi ảnh hưởng",
// "III. CHƯƠNG TRÌNH", "3. Điểm bỏ phiếu"): the section informs. (Not "Nội dung …", "Hình thức …": under such a heading
// the recipients' work may follow.)
const FACT_NOUN = "(?:thời gian|địa điểm|thành phần|chương trình|lịch trình|điểm|nơi|phạm vi|quy mô|trang phục|đại biểu|khách mời)(?:\\s+[\\p{Ll}\\p{Lu}]+){0,3}";
const INFO_ITEM = new RegExp(`^(?:${INFO_NOUN}[^:]{0,60}:|${FACT_NOUN}(?:\\s*(?:,|và)\\s*${FACT_NOUN})*\\s*:?\\s*$)`, "iu");

// "Đại biểu mời: - Chi bộ nhà trường: 1 đại biểu. - Ban giám hiệu: 1 đại biểu.", "Thành phần tham dự: …": who is invited
// to an event, with how many seats; being invited is no work.
const GUEST_LIST = /^(?:đại biểu|khách mời|thành phần)(?:\s+(?:mời|được mời|tham dự|dự))?\s*:\s*$/iu;

// The topics a report covers ("Công tác chỉ đạo …", "Kết quả thực hiện …", "Những đề xuất, kiến nghị").
const REPORT_TOPIC = /^(?:công tác|tình hình|kết quả|những|các|số liệu|đánh giá|đề xuất|kiến nghị|khó khăn|thuận lợi|nguyên nhân|giải pháp|phương hướng|tồn tại|bài học|ưu điểm|hạn chế)(?![\p{L}])/iu;

// "… thực hiện đảm bảo các nội dung trên.": a sentence ending by pointing back at what was already asked (new work
// after it, "… các nội dung trên, tổng hợp và báo cáo … trước ngày 20/12", is a task of its own).
const BACK_REFERENCE = /(?:thực hiện|triển khai|chấp hành)(?:\s+(?:tốt|nghiêm|nghiêm túc|đầy đủ|đảm bảo|có hiệu quả))*\s+(?:các\s+|những\s+)?(?:nội dung|yêu cầu|nhiệm vụ|chỉ đạo)\s+(?:trên|nêu trên|này)\s*[./]*\s*$/iu;

// "UBND huyện yêu cầu các cơ quan, đơn vị … và UBND các xã, thị trấn tổ chức triển khai thực hiện.": after the work
// was given, a request whose only work is to carry it out closes the letter (guide: a closing restatement). So do
// "… tổ chức thực hiện nghiêm các nội dung tại Thông báo này./." (pointing back at the document) and the notice's
// "… thông báo đến X được biết và quan tâm, thực hiện", "… biết, tổ chức thực hiện và thông báo đến Nhân dân … được rõ".
const CARRY_WORD = "(?:tổ chức|triển khai|nghiêm túc|khẩn trương|thực hiện|chấp hành|tốt|nghiêm|đầy đủ|được|biết|rõ|quan tâm|chỉ đạo|phổ biến|kiểm tra|đôn đốc|xem xét|giải quyết|sớm|và|để)";
const THIS_DOC = "(?:[Tt]hông báo|[Cc]ông văn|[Kk]ế hoạch|[Cc]hỉ thị|[Qq]uyết định|[Vv]ăn bản)\\s+(?:này|trên)";
const BACK_OBJECT = `(?:(?:các|những)\\s+)?(?:nội dung|yêu cầu|quy định|nhiệm vụ)(?:\\s+(?:trên|nêu trên|này|(?:tại|của|theo|trong)\\s+${THIS_DOC}))?|${THIS_DOC}`;
const PASS_ON = "thông báo\\s+(?:đến|tới|cho)\\s+[^.;,]{1,80}?\\s(?:được\\s+)?(?:biết|rõ)";
const ONLY_CARRY_OUT = new RegExp(`^\\s*(?:(?:${CARRY_WORD}|${BACK_OBJECT}|${PASS_ON})(?![\\p{L}])[\\s,]*)+[./]*\\s*$`, "u");
export function asksOnlyToCarryOut(s: string, leads: string[]): boolean {
  const last = leads[leads.length - 1];
  const at = last ? s.lastIndexOf(last) : -1;
  const rest = at >= 0 ? s.slice(at + last!.length) : "";
  return at >= 0 && rest.length < 300 && ONLY_CARRY_OUT.test(rest);
}

// A clause after ";" that opens with who is asked ("…; Giao công chức Văn hóa – Xã hội tham mưu …", "…; Ban Chỉ huy
// quân sự xã tham mưu …", "…; giao UBND huyện Triệu Phong kiểm tra …"): a meeting's conclusions and a news summary run
// several bodies' work into one sentence, and each such clause is a sentence of its own in the guide's sense.
const CLAUSE_OPENS = /^(?:\p{Lu}|(?:đồng thời\s*,?\s*(?:cũng\s+)?)?(?:giao|đề nghị|yêu cầu)\s)/u;
const ALSO_ASKS = /[,!]\s+đồng thời\s*,?\s*(?:cũng\s+)?(?:đề nghị|yêu cầu|giao)\s/u;

// "…; Ban Tuyên giáo Trung ương có Hướng dẫn số 22-HD/BTGTW …": a body issuing a document is background, not work.
const OPENS_BACKGROUND = /^(?:Để|Nhằm|Thực hiện|Căn cứ|Theo|Trước|Sau khi|Trong|Qua|Tiếp theo|Ngày\s+\d)/u;
const ISSUES_DOC = /^[^;]{0,120}?\s(?:có|ban hành|đã ban hành|vừa ban hành)\s+(?:văn bản|công văn|hướng dẫn|kế hoạch|chỉ thị|nghị quyết|quyết định|thông báo|công điện|kết luận)(?![\p{L}])/iu;

/**
 * A prose sentence split at each ";" whose next clause names a body of its own and its work — when the clause before
 * is itself work for a body other than the issuer (not an opener "Để …;", not the issuer's own "UBND tỉnh chỉ đạo …;
 * yêu cầu Sở Nội vụ …", not a list of bodies "Giao các sở; UBND các huyện; … báo cáo").
 */
function clauses(sentence: string, isIssuer: (name: string) => boolean): string[] {
  // "…, đồng thời đề nghị Phòng Văn hóa và Thông tin huyện đăng tải …": a second request joined by "đồng thời" is a clause
  // of its own as one after ";" is.
  if (!sentence.includes(";") && !ALSO_ASKS.test(sentence)) return [sentence];
  const segs = sentence.split(/(?<=;)\s+|(?<=[,!])\s+(?=đồng thời\s*,?\s*(?:cũng\s+)?(?:đề nghị|yêu cầu|giao)\s)/u);
  const out: string[] = [segs[0]!];
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i]!;
    const prev = out[out.length - 1]!;
    const before = leadsOfSentence(prev);
    // The clause before must be work of its own: not an opener, not a bare list of bodies.
    const beforeWorks = (before === null ? !OPENS_BACKGROUND.test(prev) : before.verb !== "") && !endsInDirectedList(prev);
    // "UBND tỉnh chỉ đạo …; yêu cầu Sở Nội vụ …": a clause without its own subject goes on with the subject before it;
    // only a requester asking again ("Ban Thường vụ yêu cầu A …; yêu cầu B …") starts another task.
    const subjectless = /^\p{Ll}/u.test(seg);
    // "Bộ trưởng … có công điện gửi công an 19 tỉnh …, đồng thời yêu cầu …": after a clause that only tells whom a
    // document went to, "đồng thời yêu cầu" is that document's request, not a second one.
    const alsoAfterAsking = !/^đồng thời/u.test(seg) || /(?:^|\s)(?:đề nghị|yêu cầu|giao)\s/u.test(prev);
    const opens = (subjectless ? before === null || before.requested : true) && alsoAfterAsking;
    const l = beforeWorks && opens && CLAUSE_OPENS.test(seg) && !ISSUES_DOC.test(seg) ? leadsOfSentence(seg) : null;
    const own = l !== null && l.leads.length > 0 && !isGeneric(l.leads) && !l.leads.every(isIssuer) && (l.requested || isWorkSentence(l));
    // "Chủ tịch UBND tỉnh yêu cầu Giám đốc, Thủ trưởng các sở, ban, ngành cấp tỉnh; Chủ tịch UBND các huyện … tập trung
    // …": the ";" parts the bodies one request asks, when the whole sentence asks them all; it starts no clause.
    const whole = own && i === 1 ? leadsOfSentence(sentence) : null;
    const inAskedList = whole !== null && whole.requested && l!.leads.every((n) => whole.leads.some((m) => sameBody(m, n)));
    if (own && !inAskedList) out.push(seg);
    else out[out.length - 1] += ` ${seg}`;
  }
  return out;
}

// "Tại cuộc họp, lãnh đạo Phòng Văn hóa và Thông tin huyện báo cáo kết quả phúc tra …. Phòng Kinh tế và Hạ tầng huyện
// báo cáo kết quả chấm …", "Tại buổi kiểm tra hiện trường, đồng chí Chủ tịch UBND quận đặc biệt quan tâm …": a news page
// telling what went on at a meeting or a visit (who reported, who spoke) tells no work; its requests ("… yêu cầu", "giao
// …") and conclusions still do, and end the telling.
const AT_MEETING = /^(?:Tại|Trong)\s+(?:cuộc họp|hội nghị|buổi (?:làm việc|kiểm tra|họp|giao ban|tiếp xúc|đối thoại|gặp mặt|hội nghị)|phiên họp|kỳ họp|buổi|phần thảo luận)(?![\p{L}])[^,]{0,80},\s*(?!(?:\S+\s+){0,12}?(?:sẽ|cần|phải)\s)/u;

// "Tại hội nghị, Chủ tịch UBND huyện đã kết luận … và chỉ đạo các cơ quan, đơn vị …": the meeting's conclusions.
const CONCLUDES = /(?<![\p{L}])(?:kết luận|chỉ đạo|giao cho)(?![\p{L}])/u;

const TELLS_IN_FULL = /^\s*(?:Theo đó|Cụ thể)\s*,/u;

const ESTABLISHES = /^\s*Thành lập\s/u;

const DISPOSES = /^\s*(?:Ban hành kèm theo|Công bố kèm theo|Cho phép(?!\s+(?:các|những)\s))(?![\p{L}])/u;

const fieldRoles = (text: string): ItemFields | null => rolesOf(fieldsIn(text));

/** A task as built here, with what the deadline step (schedule.ts) reads besides its text; finished() drops it. */
export interface TaskDraft extends ParsedTask {
  /** The time field of a plan's item ("Thời gian thực hiện: Quý IV/2025"; "" when it has none): its deadline alone. */
  fieldTime?: string;
  /** The heading text the task hangs under: a time it states is the time of the tasks under it. */
  parentText?: string;
}

/** The task as the reader returns it. */
export function finished({ ref, text, assignees, implicit, deadline }: TaskDraft): ParsedTask {
  return { ref, text, assignees, implicit, deadline };
}

// "UBND xã Quỳnh Vinh" and "UBND xã Quỳnh Lộc" share most words but are two units: a differing proper name at the end
// keeps them apart.
const properTail = (n: string) => /(?:\s\p{Lu}\p{Ll}*)+$/u.exec(n)?.[0].trim().toLowerCase() ?? "";
const sameUnit = (a: string, b: string) => sameBody(a, b) && (properTail(a) === "" || properTail(b) === "" || properTail(a) === properTail(b));
const dedupe = (names: string[]) => names.filter((n, i) => names.findIndex((m) => sameUnit(m, n) || samePerson(m, n)) === i);

// Each new sentence is compared with the first sentence of every task so far: a sentence's words are split once.
const WORDS = new Map<string, Set<string>>();
function words(s: string): Set<string> {
  let set = WORDS.get(s);
  if (set === undefined) {
    set = new Set(s.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    if (WORDS.size >= 2000) WORDS.clear();
    WORDS.set(s, set);
  }
  return set;
}
/** Two sentences that share nearly all their words ("… chỉ đạo của Thủ tướng" / "… chỉ đạo của Thủ tướng tại Thông báo số …"). */
function repeats(a: string, b: string): boolean {
  if (a.length < 40 || b.length < 40) return false;
  const x = words(a);
  const y = words(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size) >= 0.9 && common / Math.max(x.size, y.size) >= 0.75;
}

/** A short telling whose words nearly all recur in a longer one: the headline of the paragraph that tells it in full. */
function summarises(short: string, long: string): boolean {
  if (short.length < 40 || long.length <= short.length) return false;
  const x = words(short);
  const y = words(long);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / x.size >= 0.8;
}

// "1. Trong thời gian qua, nước ta đã tiến hành …", "2. Ngày 16/6/2025, Quốc hội đã thông qua Luật …", "1. Tại thời
// điểm tổng hợp dự toán …, các địa phương đang …": a numbered item that opens on a past or present time and tells what
// has been done (the facts a letter asks its recipients to convey, the background of its request) is no work for them.
const NARRATES = /^(?:Trong (?:thời gian|những năm|các năm|năm) (?:vừa )?qua|Thời gian (?:vừa )?qua|Những năm qua|Tại thời điểm|Hiện nay|Vừa qua|Ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\s*,|Năm\s+\d{4}\s*,|Từ (?:ngày\s+\d|năm\s+\d|đầu năm))(?![\p{L}])/u;
// Work words: what the item asks (a narrative may quote what was asked before: "… mà yêu cầu cả hệ thống chính trị …").
const ASKS_WORK = /(?<![\p{L}])(?:đề nghị|cần|phải|khẩn trương|chủ động|(?<!(?:được|đã|vừa) )giao|trân trọng đề nghị|kính đề nghị|lưu ý)(?![\p{L}])/iu;
function narrates(text: string): boolean {
  const first = sentences(text)[0] ?? "";
  return NARRATES.test(first) && /(?<![\p{L}])(?:đã|đang|chưa)(?![\p{L}])/u.test(first) && !ASKS_WORK.test(text);
}

const DIRECTED_BEFORE = /(?:^|\s)(?:chỉ đạo|hướng dẫn)\s+(?:cho\s+)?$/u;

function assigneesOf(leads: string[], text: string): Assignee[] {
  const l = dedupe(leads);
  // "UBND thành phố đã chỉ đạo Đội Quản lý trật tự đô thị phối hợp với lực lượng Công an …", "… ban hành văn bản chỉ
  // đạo Sở Y tế chủ trì, phối hợp với Sở Tài chính …": when the bodies directed are the leads, their partners are read
  // from where the leads stand, past the directing verb that hides the partners of bodies a lead directs.
  const at = l.length ? text.indexOf(l[0]!) : -1;
  const directedLead = at > 0 && DIRECTED_BEFORE.test(text.slice(Math.max(0, at - 40), at));
  const c = dedupe([...coordinatorsIn(text), ...(directedLead ? coordinatorsIn(text.slice(at)) : [])]).filter((n) => !l.some((m) => sameBody(m, n)));
  return [...l.map((name) => ({ name, role: "lead" as const })), ...c.map((name) => ({ name, role: "coordinate" as const }))];
}

/** A node's own lines and those of every item under it, without their markers. */
function ownTexts(node: OutlineNode): string[] {
  return [node.head, ...node.paras, ...node.children.flatMap(ownTexts)];
}

function flatten(node: OutlineNode, depth = 0): string {
  const mark = node.kind === "dash" ? "- " : node.kind === "plus" ? "+ " : node.kind === "bullet" ? "• " : node.label ? `${node.label}) ` : "";
  const lines = [`${depth > 0 ? mark : ""}${node.head}`, ...node.paras, ...node.children.map((c) => flatten(c, depth + 1))];
  return lines.filter(Boolean).join("\n");
}

/**
 * "2. Công an tỉnh chủ trì, phối hợp với … tổ chức đợt tổng kiểm tra …: a) Hướng dẫn …; b) Xử lý …": lettered items
 * naming no body of their own detail the work their parent states, so they stay in it like bullets. Under a heading
 * that is only a body ("3. UBND các xã:") or only directs one ("Ban cán sự đảng lãnh đạo UBND tỉnh:") each letter is
 * the work itself and stays a task.
 */
function lettersAreDetails(node: OutlineNode, context: string[], isIssuer: (n: string) => boolean): boolean {
  // "2. Chủ tịch UBND các tỉnh … triển khai các biện pháp …, trong đó: (1) Tập trung kêu gọi …; (2) …": items in brackets
  // naming no body of their own are the parent's details whatever its lead-in says (guide: bullets without their own
  // body belong to their parent); "(1) Bộ Y tế chỉ đạo …" under a thông báo's item stays a task.
  // "b) Các Bộ: Tài chính, Y tế, Tư pháp, Nội vụ khẩn trương …, cụ thể: (1) Bộ Tài chính …; (2) Bộ Y tế …": items that
  // share out the parent's bodies one by one are each that body's own task.
  if (node.children.length > 0 && node.children.every((c) => c.kind === "paren" && c.children.length === 0)) {
    const own = node.children.map((c) => ownLeadsOf(c, isIssuer));
    if (!own.every((l) => l.every((n) => context.some((x) => sameBody(x, n))))) return false;
    return !own.some((l) => l.length > 0 && l.length < context.length);
  }
  if (!node.children.every((c) => c.kind === "letter" && c.children.length === 0)) return false;
  const head = leadsOfSentence(node.head);
  if (!head || head.leads.length === 0 || head.verb === "" || /^(?:chỉ đạo|lãnh đạo|giao|thực hiện|triển khai)(?:\s|$)/u.test(head.verb)) return false;
  if (node.head.length < 60) return false;
  return node.children.every((c) => ownLeadsOf(c, isIssuer).every((n) => context.some((x) => sameBody(x, n))));
}

/** The named bodies a lead-in ending in ":" asks ("… yêu cầu các cơ sở giáo dục thực hiện các nội dung sau:"). */
function leadInAddressees(para: string, isIssuer: (n: string) => boolean): string[] {
  if (!/:\s*$/u.test(para)) return [];
  const last = sentences(para).pop() ?? "";
  const l = leadsOfSentence(last);
  return l?.requested ? l.leads.filter((n) => !isIssuer(n)) : [];
}

/** The bodies a sub-item's first sentence asks or sets to work, the issuer left out. */
function ownLeadsOf(c: OutlineNode, isIssuer: (n: string) => boolean): string[] {
  const l = leadsOfSentence(c.head);
  return l && (l.requested || isWorkSentence(l)) ? l.leads.filter((n) => !isIssuer(n)) : [];
}

/**
 * "2. Bộ Nông nghiệp và Môi trường: a) Chỉ đạo …; b) …", "1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các
 * xã, phường" over "a) …", "1. Bộ Tài chính chủ trì, phối hợp với các bộ, địa phương liên quan: a) …": a numbered heading
 * that names the body (alone, or as the subject of a lead-in ending in ":") makes that body the lead of one task; its
 * sub-items stay in it, as bullets do, unless one names a different lead (guide).
 */
function headsBodyBlock(node: OutlineNode, isIssuer: (n: string) => boolean): boolean {
  if (node.kind === "root" || !node.children.some((c) => isNumbered(c.kind))) return false;
  const head = [node.head, ...node.paras].join(" ").trim();
  if (node.paras.length > 1 || head.length > 300) return false;
  const l = leadsOfSentence(head);
  if (!l || l.leads.length === 0 || l.leads.every(isIssuer)) return false;
  if (l.verb === "") return true;
  // After the body, only its role: "chủ trì, phối hợp với …", "có trách nhiệm", "thực hiện các nhiệm vụ sau". A lead-in
  // with work of its own ("… tập trung lãnh đạo, chỉ đạo các đơn vị … thực hiện một số nhiệm vụ sau:") lists tasks.
  const last = l.leads[l.leads.length - 1]!;
  const at = head.lastIndexOf(last);
  return at >= 0 && ROLE_ONLY.test(head.slice(at + last.length));
}

const ROLE_ONLY =
  /^\s*[,;]?\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm|phụ trách|là cơ quan (?:thường trực|đầu mối|chủ trì))(?:\s*,?\s*(?:và\s+)?phối hợp(?: chặt chẽ)?(?:\s+với)?\s[^:]{0,200}?)?(?:\s*,?\s*(?:thực hiện|triển khai|tổ chức thực hiện)(?:\s+(?:các|một số|những))?\s+(?:nhiệm vụ|nội dung|công việc)(?:\s+(?:cụ thể\s+)?(?:sau|như sau))?)?\s*:\s*$/u;

// "các Bộ", "các Sở", "các trường" alone, with no qualifier: those of that kind the letter is addressed to.
const BARE_PLURAL = /^(?:tất cả\s+)?các\s+(\p{L}+)$/iu;

/** "các Trung tâm" for "Trung tâm TGPL các tỉnh, thành phố": a bare capitalised plural of the kind a body's name
 *  starts with (a lower-case "các sở, ngành" is a collective of its own). */
function refersTo(bare: string, name: string): boolean {
  const kind = /^(?:tất cả\s+)?các\s+(\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?)$/u.exec(bare)?.[1]?.toLowerCase();
  if (!kind) return false;
  const head = name.toLowerCase().replace(/^(?:tất cả\s+)?các\s+/u, "");
  return head !== bare.toLowerCase().replace(/^(?:tất cả\s+)?các\s+/u, "") && head.startsWith(`${kind} `);
}

// "Sở Nông nghiệp và PTNT" in a letter of "Bộ Nông nghiệp và PTNT": the same field under another head is another body,
// though most of the words are shared.
const HEAD_KEY = /^(bo|so|phong|cuc|chi cuc|tong cuc|vu|ban|uy ban nhan dan|hoi dong nhan dan|trung tam|vien|van phong)\s/u;
function otherHead(a: string, b: string): boolean {
  const ha = HEAD_KEY.exec(nameKey(a))?.[1];
  const hb = HEAD_KEY.exec(nameKey(b))?.[1];
  return ha !== undefined && hb !== undefined && ha !== hb;
}

const COLLECTIVE = /^\s*(?:tất cả\s+)?các\s/iu;
const LEADERS_OF = /^[Ll]ãnh đạo\s+(?=\p{Lu})/u;
const PAREN_NUMBER = /^\((?:\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)\s+(?=\p{Lu})/u;

export function buildTasks(st: Structure, ctx: TaskContext): TaskDraft[] {
  const out: TaskDraft[] = [];
  // A collective ("Các ban HĐND huyện", "các phòng của Sở") is never the one body that issues the letter, however many
  // words it shares with it ("Chủ tịch HĐND huyện").
  // "Lãnh đạo UBND huyện chỉ đạo các ngành chuyên môn …" in a page of UBND huyện: the issuer's leaders speak for it.
  const isIssuer = (n: string) => {
    if (COLLECTIVE.test(n)) return false;
    const body = n.replace(LEADERS_OF, "");
    return ctx.issuer.some((i) => (sameBody(i, n) && !otherHead(i, n)) || (body !== n && sameBody(i, body) && !otherHead(i, body)));
  };
  // "Văn phòng Chính phủ đề nghị các Bộ khẩn trương có ý kiến" to "Kính gửi: Bộ Tài chính; Bộ Kế hoạch và Đầu tư; …".
  const resolve = (names: string[]) =>
    names.flatMap((n) => {
      const kind = BARE_PLURAL.exec(n)?.[1]?.toLowerCase();
      const hits = kind ? ctx.implicitTo.filter((r) => r.toLowerCase().startsWith(`${kind} `) && !/(?:^|\s)các\s/iu.test(r)) : [];
      return hits.length > 1 ? hits : [n];
    });
  // The issuer is never an assignee, also not as a partner ("… phối hợp với UBND phường" in a letter of UBND phường).
  const assignees = (leads: string[], text: string) => assigneesOf(resolve(leads), text).filter((a) => a.role === "lead" || !isIssuer(a.name));
  const task = (ref: string, text: string, as: Assignee[], implicit = false): TaskDraft => ({ ref, text, assignees: as, implicit, deadline: null });

  // A plan's item whose bodies stand in labelled fields: the fields alone give its roles and its time.
  const fieldTask = (ref: string, text: string, fields: ItemFields): TaskDraft | null => {
    const leads = dedupe(resolve(fields.lead)).filter((n) => !isIssuer(n));
    if (!leads.length) return null;
    const coords = dedupe(fields.coordinate).filter((n) => !isIssuer(n) && !leads.some((m) => sameBody(m, n)));
    const t = task(ref, text, [...leads.map((name) => ({ name, role: "lead" as const })), ...coords.map((name) => ({ name, role: "coordinate" as const }))]);
    t.fieldTime = fields.time.join("\n");
    return t;
  };
  // "Ban chỉ huy … huyện yêu cầu các ngành, đơn vị và UBND các xã, thị trấn … triển khai một số nội dung sau:" over "1.
  // Triển khai ngay …", "2. Tổ chức kiểm tra …": with no Kính gửi line, the bodies the opening request asks are those the
  // numbered items naming no body are addressed to (guide: they play the recipients' part).
  const itemsTo = ctx.implicitTo.length ? ctx.implicitTo : leadInAddressees(st.preamble[st.preamble.length - 1] ?? "", isIssuer);
  const visit = (node: OutlineNode, path: string[], inherited: string[]) => {
    if (NOT_WORK_SECTION.test(node.head) || NOT_WORK_LABEL.test(node.head) || GUEST_LIST.test(node.head)) return;
    // "1.2" under "1" is "1.2", not "1.1.2".
    const parentPath = node.kind.startsWith("dotted") ? path.filter((p) => !node.label.startsWith(`${p}.`)) : path;
    const ref = [...parentPath, node.label].filter(Boolean).join(".");
    // "2. Sở" / "Khoa học và Công nghệ", "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ" / "Hà Tĩnh đến Khánh Hòa:":
    // a heading over sub-items, wrapped onto a short line of its own, is one line (one name).
    const own = [node.head, ...node.paras].filter(Boolean).join("\n");
    // "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp giữa Văn phòng UBND tỉnh với …", "Cho phép thành lập Hội
    // Hoá học Việt Nam. Hội … tự lo liệu mọi chi phí …": the decision's own act of issuing or permitting, with the
    // conditions of what it grants, asks no one (guide: the article that issues a plan is no task) unless it asks.
    if (DISPOSES.test(node.head) && node.children.length === 0 && !sentences(own).some((x) => leadsOfSentence(x)?.requested)) return;
    // "Điều 1. Thành lập Ban Quản lý … 1. Ban Quản lý … là cơ quan hành chính … 2. Ban Quản lý có tư cách pháp nhân …": a
    // decision's article establishing a body is its own act, and its clauses state what the body is; the work comes in
    // the articles after it ("Điều 2. Nhiệm vụ, quyền hạn …"), unless a clause asks. (In a plan, "1. Thành lập tổ công tác
    // …" is work for someone: only an article.)
    if (node.kind === "dieu" && ESTABLISHES.test(node.head) && !ownTexts(node).some((t) => sentences(t).some((x) => leadsOfSentence(x)?.requested))) return;
    // "1.1. Xây dựng …: a) Nhiệm vụ: … b) Cơ quan thực hiện: - Đơn vị chủ trì: Sở X. - Đơn vị phối hợp: … c) Thời gian
    // thực hiện: …": a plan's item names its bodies and time in labelled fields; it is one task, led by those fields.
    const fields = itemFields(node);
    const whole = fields ? fieldTask(ref, flatten(node), fields) : null;
    if (whole) return void out.push(whole);
    const raw = leadsIn(own);
    // "Điều 4. Sở Xây dựng, Trung tâm Phục vụ hành chính công, … chịu trách nhiệm thi hành Quyết định này": a decision's
    // execution clause binds every body it names, the issuing one too (guide: a task for the bodies it names).
    const executes = node.children.length === 0 && sentences(own).some(isExecutionClause);
    if (raw.length > 0 && raw.every(isIssuer) && !executes && !leadsOfSentence(node.head)?.requested) return;
    const headLeads = executes ? raw : raw.filter((n) => !isIssuer(n));
    const context = headLeads.length ? headLeads : inherited;
    const numbered = node.children.filter((c) => isNumbered(c.kind));
    // "Điều 1. … Giao Bộ Công an chủ trì …, bảo đảm một số yêu cầu sau: 1. Quán triệt … 2. Rà soát …", "II. NHIỆM VỤ …
    // Đề nghị Thường trực Tỉnh ủy tập trung …, trong đó lưu ý một số nội dung trọng tâm sau: 1. … 10. …": an article's
    // clauses or a section's items naming no body of their own, under its lead-in that names the body and ends in "sau:",
    // are that body's one task (guide: the smallest numbered unit that assigns work to a named body). Under an item
    // ("3. Bộ trưởng Bộ Tài chính … thực hiện một số nhiệm vụ sau: 3.1 … 3.2 …") the sub-items stay tasks of their own.
    const leadIn = numbered.length > 0 && (node.kind === "dieu" || node.kind === "roman") && headLeads.length > 0 && /sau\s*:\s*$/u.test(own.trim()) && node.children.every((c) => ownLeadsOf(c, isIssuer).length === 0 && c.children.every((g) => ownLeadsOf(g, isIssuer).length === 0));
    const bodyBlock = numbered.length > 0 && (leadIn || headsBodyBlock(node, isIssuer));
    if (numbered.length && !lettersAreDetails(node, context, isIssuer) && !bodyBlock) {
      for (const c of numbered) {
        const before = out.length;
        visit(c, [...parentPath, node.label].filter(Boolean), context);
        for (const t of out.slice(before)) t.parentText ??= own;
      }
      return;
    }
    const kept: string[] = [own];
    const bulletTasks: TaskDraft[] = [];
    // A bullet naming a body other than the item's is a task of its own.
    const ownTask = (b: OutlineNode, r: string): TaskDraft | null => {
      const text = flatten(b);
      // "- Ban hành quy chế …. Cơ quan chủ trì: Sở Nội vụ; thời gian: Quý I/2026.": a bullet naming its bodies in
      // fields of its own.
      const f = fieldRoles(text);
      if (f) return f.lead.every((n) => context.some((c) => sameBody(c, n))) ? null : fieldTask(r, text, f);
      const first = leadsOfSentence(b.head);
      // Under a body's heading, "a) Yêu cầu các doanh nghiệp bảo hiểm …" is that body's request: its sub-items' lead is
      // the subject of their sentence.
      const named = first && !(bodyBlock && isNumbered(b.kind) && first.requested) && (first.requested || isWorkSentence(first)) ? first.leads.filter((n) => !isIssuer(n)) : [];
      return named.length && !named.every((n) => context.some((c) => sameBody(c, n))) ? task(r, text, assignees(leadsIn(text).filter((n) => !isIssuer(n)), text)) : null;
    };
    node.children.forEach((b, i) => {
      // "1.2" under "1" is "1.2", not "1.1.2" (as in visit).
      const subRef = b.kind.startsWith("dotted") ? [...[...parentPath, node.label].filter((p) => p && !b.label.startsWith(`${p}.`)), b.label].join(".") : `${ref}.${b.label}`;
      const own = ownTask(b, isNumbered(b.kind) && b.label ? subRef : `${ref}#${i + 1}`);
      // "b) Các Bộ: Tài chính, Y tế, … khẩn trương …, cụ thể: (1) Bộ Tài chính …; (2) Bộ Y tế …": a sub-item with its own
      // body and numbered items of its own is read as an item, so that items naming their own body are tasks too.
      if (own && isNumbered(b.kind) && b.children.some((g) => isNumbered(g.kind))) {
        const before = out.length;
        visit(b, [...parentPath, node.label].filter(Boolean), context);
        return void bulletTasks.push(...out.splice(before));
      }
      if (own) return void bulletTasks.push(own);
      // "* Phân công phụ trách chương trình văn nghệ:" over "+ Trang điểm …: Cô Thanh Vân, …", "+ Trực máy …: Thầy Mẫn": a
      // roster's lead-in naming no one, whose sub-items each name their holder; each such sub-item is a bullet's task.
      const subs = b.children.length && /:\s*$/u.test(b.head) && leadsIn(b.head).length === 0 ? b.children.map((g, j) => ownTask(g, `${ref}#${i + 1}.${j + 1}`)) : [];
      if (subs.some(Boolean)) {
        bulletTasks.push(...subs.filter((t): t is TaskDraft => t !== null));
        kept.push([`- ${b.head}`, ...b.paras, ...b.children.filter((_, j) => !subs[j]).map((g) => flatten(g, 1))].join("\n"));
      } else kept.push(`${isNumbered(b.kind) && b.label ? `${b.label})` : "-"} ${flatten(b)}`);
    });
    const text = kept.filter(Boolean).join("\n");
    // A heading whose bullets all became tasks of their own ("3. Giao:" + bullets naming bodies) is not a task itself.
    const info = ((INFO_ITEM.test(node.head) && bulletTasks.length === 0) || (bulletTasks.length > 0 && kept.length === 1)) && !context.length;
    // A body heading whose sub-items each name their own lead ("1. Các sở, ngành:" over "1.1. Sở Y tế …", "1.2. Sở Tài
    // chính …") gives no work of its own.
    const allOwn = bodyBlock && bulletTasks.length > 0 && kept.length === 1;
    if (allOwn) {
      // their tasks only
    } else if (context.length) out.push(task(ref, text, assignees(context, text)));
    else if (info || (bulletTasks.length === 0 && narrates(text))) {
      // information, not work
    } else if (itemsTo.length) out.push(task(ref, text, assignees(itemsTo, text), true));
    else if (kept.length > 1 || node.children.length === 0) out.push(task(ref, text, []));
    for (const t of bulletTasks) t.parentText ??= own;
    out.push(...bulletTasks);
  };
  // "… đề nghị các sở báo cáo … theo các nội dung sau: 1. Công tác chỉ đạo …; 2. Những đề xuất, kiến nghị": numbered
  // topics of the report asked for, naming no body, are its contents, not tasks (the request before them is).
  const topItems = st.root.children.filter((c) => isNumbered(c.kind));
  const lastPre = st.preamble[st.preamble.length - 1] ?? "";
  const reportLeadIn = /báo cáo[^]*sau\s*:\s*$/iu.test(lastPre) && sentences(lastPre).some((x) => leadsOfSentence(x)?.requested);
  const contentsOnly = reportLeadIn && topItems.length > 0 && topItems.every((c) => REPORT_TOPIC.test(c.head) && leadsIn(flatten(c)).length === 0);
  if (!contentsOnly) for (const c of topItems) visit(c, [], []);
  // "Phòng Giáo dục … đề nghị Hiệu trưởng các trường … tổ chức cuộc thi như sau: 1. Thời gian dự thi: … 2. Đối tượng:
  // …": when the numbered items only inform, the request before them is the task, and the items are its text.
  let prose = st.prose;
  // Items that only showed for review (no body at all, e.g. a page's stray "V.THÀNH" line) count as none.
  if (out.every((t) => t.assignees.length === 0) && st.preamble.length) {
    const items = st.root.children.filter((c) => isNumbered(c.kind)).map((c) => flatten(c, 1));
    const at = st.preamble.findIndex((p) => sentences(p).some((s) => leadsOfSentence(s)?.requested));
    // Items kept for review stay apart: their text is not the request's (they informed nothing it asks).
    const informs = out.length === 0 && items.length > 0;
    if (at >= 0) prose = [...st.preamble.slice(at), ...(informs ? [items.join("\n")] : []), ...st.prose];
  }

  // Root prose: each sentence whose subject is a (non-issuer) body starts a task; others continue it. A lead-in
  // ending in "… sau:" keeps the dash items that follow unless an item names its own body.
  let cur: TaskDraft | null = null;
  const firstSentence = new Map<TaskDraft, string>();
  let leadIn: TaskDraft | null = null;
  let k = 0;
  const append = (t: TaskDraft, s: string, sep: string) => {
    t.text += sep + s;
    const extra = assignees([], t.text).filter((a) => !t.assignees.some((b) => sameBody(a.name, b.name)));
    t.assignees.push(...extra);
  };
  // The prose unit each task opened in: a headline and a sapo stand at the top of a page.
  const openedAt = new Map<TaskDraft, number>();
  // Tasks read from generic addressees alone ("UBND tỉnh vừa ban hành công văn yêu cầu các ngành, địa phương …").
  const loose = new Set<TaskDraft>();
  let unitIndex = -1;
  for (const unit of prose) {
    unitIndex++;
    const dash = /^[-–+•]/u.test(unit);
    // "(3) Các Sở, Ban, Ngành thực hiện rà soát …", "(5) Giao Trung tâm …": a paragraph numbered in brackets in prose (a
    // page listing what a letter asks) reads from its first word, as an item does.
    const parts = dash ? [unit] : sentences(unit.replace(PAREN_NUMBER, "")).flatMap((x) => clauses(x, isIssuer));
    if (!dash) leadIn = null;
    // Whether the paragraph is telling what went on at a meeting, up to the first request in it.
    let atMeeting = false;
    parts.forEach((s, i) => {
      const l = leadsOfSentence(s);
      if (l?.requested) atMeeting = false;
      else if (!dash && AT_MEETING.test(s) && !CONCLUDES.test(s)) atMeeting = true;
      if (atMeeting) return;
      const sep = i === 0 ? "\n" : " ";
      const endsLeadIn = /sau\s*:\s*$/u.test(s);
      // "UBND tỉnh đã chỉ đạo các cơ quan đảng, Mặt trận, … treo cờ": in prose, the issuer directing bodies asks them.
      const directed = l && l.leads.length && l.leads.every(isIssuer) && !l.requested ? (l.directed ?? []).filter((n) => !isIssuer(n)) : [];
      if (directed.length && !isGeneric(directed)) {
        cur = task(`#${++k}`, s, assignees(directed, s));
        firstSentence.set(cur, s);
        out.push(cur);
        if (endsLeadIn) leadIn = cur;
        return;
      }
      // "Chủ tịch UBND thành phố chỉ đạo các cơ quan, đơn vị khẩn trương xây dựng …": directing only generic bodies, the
      // issuer asks its recipients, as "đề nghị các đơn vị …" does.
      if (directed.length && ctx.implicitTo.length && (!cur || endsLeadIn)) {
        cur = task(`#${++k}`, s, assignees(ctx.implicitTo, ""), true);
        out.push(cur);
        leadIn = cur;
        return;
      }
      if (l && l.leads.length && l.leads.every(isIssuer) && !l.requested) {
        // "Theo đó, UBND thành phố yêu cầu cần lập ngay kế hoạch …" with no one named: the issuer's request goes on to
        // the bodies of the task before it, not its own action.
        if (cur && /^(?:(?:đã|vừa|cũng|tiếp tục)\s+)*(?:yêu cầu|đề nghị)(?![\p{L}])/u.test(l.verb)) return append(cur, s, sep);
        cur = null;
        return;
      }
      if (l?.requested && asksInEarlierDoc(s, ctx.number)) {
        cur = null;
        return;
      }
      if (l !== null && ((l.requested && !isGeneric(l.leads)) || isWorkSentence(l) || (cur !== null && i > 0 && isCollectiveWork(l, s)))) {
        const leads = l.leads.filter((n) => !isIssuer(n));
        // A later sentence asking the same bodies again ("Đề nghị các sở … gửi báo cáo về Sở Nội vụ trước ngày 10/9")
        // goes on with their task: it names no new body.
        const curLeads = cur ? cur.assignees.filter((a) => a.role === "lead") : [];
        // A dash item that singles out one of the several bodies of the lead-in ("- UBND các huyện: tuyên truyền …",
        // "- Công ty …: tiếp tục bơm …") is that body's own task.
        const sameLeads = cur !== null && leads.every((n) => curLeads.some((a) => sameBody(a.name, n))) && (dash ? curLeads.length <= leads.length : curLeads.length === leads.length && l.requested) && (i > 0 || dash);
        // "Cục TGPL đề nghị Trung tâm TGPL các tỉnh, thành phố lưu ý …" then "Đề nghị các Trung tâm hàng năm chỉ thực hiện
        // …": a bare plural of the kind just named ("các Trung tâm") points back at those bodies, whose task goes on.
        const pointsBack = cur !== null && leads.length > 0 && leads.every((n) => curLeads.some((a) => refersTo(n, a.name)));
        if (leads.length && !sameLeads && !pointsBack) {
          if (l.requested && out.length > 0 && asksOnlyToCarryOut(s, l.leads)) return;
          // A paragraph the page prints twice (or the portal's summary of it) is not a second task.
          // "Đề nghị [the same bodies] thực hiện đảm bảo các nội dung trên.": a closing restatement of their task.
          const restated = BACK_REFERENCE.test(s) ? out.find((t) => t.ref.startsWith("#") && leads.every((n) => t.assignees.some((a) => a.role === "lead" && sameBody(a.name, n)))) : undefined;
          if (restated) {
            cur = restated;
            return;
          }
          const again = out.find((t) => t.ref.startsWith("#") && repeats(firstSentence.get(t) ?? "", s));
          if (again) {
            // Kept in its text: the page may be quoted at either telling.
            append(again, s, "\n");
            cur = again;
            return;
          }
          // A portal's headline or sapo told first ("Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị … thực hiện nghiêm
          // chỉ đạo …") and then the body paragraph telling it in full ("Nghiêm túc thực hiện …, Chủ tịch UBND huyện vừa
          // có công văn yêu cầu các cơ quan, ban, ngành …"): one request, read where the page tells it in full.
          const told = unitIndex > 0 ? out.find((t) => t.ref.startsWith("#") && (openedAt.get(t) ?? 99) < 3 && summarises(firstSentence.get(t) ?? "", s) && t.assignees.some((a) => a.role === "lead" && leads.some((n) => sameBody(n, a.name)))) : undefined;
          if (told) {
            told.text = s;
            told.assignees = assignees(leads, s);
            firstSentence.set(told, s);
            cur = told;
            if (endsLeadIn) leadIn = cur;
            return;
          }
          cur = task(`#${++k}`, s, assignees(leads, s));
          openedAt.set(cur, unitIndex);
          firstSentence.set(cur, s);
          out.push(cur);
          if (endsLeadIn) leadIn = cur;
          return;
        }
      }
      // Without recipients, generic addressees asked by the issuer ("Chủ tịch UBND huyện đề nghị các cơ quan, đơn vị,
      // địa phương …") are the only ones named: they lead.
      if (l?.requested && isGeneric(l.leads) && !ctx.implicitTo.length && !cur && l.leads.length) {
        cur = task(`#${++k}`, s, assignees(l.leads, s));
        loose.add(cur);
        out.push(cur);
        if (endsLeadIn) leadIn = cur;
        return;
      }
      // "… đề nghị các đơn vị thực hiện các nội dung sau:" addressed to generic bodies: the recipients' task.
      // The lead-in may carry its dash items on the same line ("… các nội dung sau: – Tuyên truyền …").
      // "Đề nghị Quý cơ quan góp ý kiến …", "Sở … đề nghị các đơn vị tham gia ý kiến …" as the request of a letter in
      // prose: the generic addressee stands for the Kính gửi recipients (guide: an implicit task for them).
      // A new paragraph asking them again for other work ("Các nội dung khác liên quan, yêu cầu các địa phương, đơn vị
      // thực hiện theo Hướng dẫn số 17 …") is another such task; a restatement of the work above is not.
      const again = cur !== null && cur.implicit && i === 0 && !dash && !BACK_REFERENCE.test(s) && !/nghiêm túc|các nội dung (?:trên|nêu trên)/u.test(s);
      if (l?.requested && isGeneric(l.leads) && (endsLeadIn || /sau\s*:\s*[-–•+]\s/u.test(unit) || !cur || again) && ctx.implicitTo.length) {
        cur = task(`#${++k}`, s, assignees(ctx.implicitTo, ""), true);
        out.push(cur);
        leadIn = cur;
        return;
      }
      const target = dash && leadIn ? leadIn : cur;
      if (target) append(target, s, sep);
    });
  }
  // "Bộ LĐ-TB&XH yêu cầu các tỉnh báo cáo thưởng Tết" over the paragraphs that tell the request in full ("Bộ LĐ-TB&XH vừa
  // có văn bản yêu cầu các Sở LĐ-TB&XH trên cả nước …"): a page's headline (its first line, short, with no full stop)
  // sums up the page; the request is read where the page tells it, even when the headline names the bodies loosely.
  // "UBND tỉnh vừa ban hành công văn yêu cầu các ngành, địa phương triển khai …" then "Theo đó, UBND tỉnh giao Ban An
  // toàn giao thông tỉnh, Công an tỉnh … khẩn trương …": the page's lede asks only generic addressees and the paragraph
  // "Theo đó" / "Cụ thể" tells the same document's request with its bodies named; the lede is no task of its own.
  for (const t of loose) {
    const later = out.slice(out.indexOf(t) + 1);
    if (later.some((u) => TELLS_IN_FULL.test(firstSentence.get(u) ?? "") && !loose.has(u))) out.splice(out.indexOf(t), 1);
  }
  const headline = prose[0] ?? "";
  const top = out.find((t) => openedAt.get(t) === 0 && t.ref.startsWith("#"));
  if (top && headline.length < 200 && !/[.!?:;…]\s*$/u.test(headline) && !headline.includes("\n") && out.some((t) => t !== top && t.ref.startsWith("#") && (openedAt.get(t) ?? 0) > 0)) out.splice(out.indexOf(top), 1);
  return out;
}

/**
 * Step: who does the work, in which role. Leads are the subjects of sentences (or the bodies after "Giao",
 * "Đề nghị", "Yêu cầu", or after "X đề nghị/yêu cầu"); coordinators follow "phối hợp (với)". Bodies the lead
 * "chỉ đạo"/"hướng dẫn"/"tham mưu cho", channels "(qua X)", report recipients "gửi về X" and beneficiaries are never
 * picked up, because only those two positions yield assignees.
 */
import { bodyHeadAt, isGeneric, readList, splitList } from "./bodies.js";


export interface SentenceLeads {
  leads: string[];
  /** "X đề nghị Y": X, the body making the request (usually the issuer). */
  requester: string[];
  /** The word(s) right after the subject; "" when the sentence is only a list of bodies (a heading). */
  verb: string;
  /** True when the bodies came after "Giao/Đề nghị/Yêu cầu". */
  requested: boolean;
}

const REQUEST =
  /^(?:Đồng thời\s*,?\s*)?(?:Kính\s+|Trân trọng\s+)?(giao (?:nhiệm vụ |trách nhiệm )?cho|giao|đề nghị|yêu cầu|phân công|mời)\s*[,:]?\s+/iu;
const GIVEN_TO = /^[^;:.]{0,200}?\scho\s+(?=\S)/u;
// "Theo dõi" is a verb ("Theo dõi kiểm tra, …"), not the preposition "Theo" opening an adverbial clause.
const OPENER =
  /^(?:Trong|Trên cơ sở|Căn cứ|Sau khi|Để|Khi|Nhằm|Qua đó|Đồng thời|Ngoài ra|Thực hiện|Theo(?!\s+dõi)|Ngày\s+\d|Hết|Từ|Đến|Tiếp theo|Bên cạnh đó|Mặt khác|Riêng|Đối với|Cụ thể|Trước mắt|Tại|Với|Nhân dịp|Hưởng ứng|Trước)/u;
const PERSON_ASKS = /^((?:Phó\s+)?(?:Thủ tướng(?:\s+Chính phủ)?|Bộ trưởng|Thứ trưởng|Tổng Bí thư|Chủ tịch nước)\s+(?:\p{Lu}\p{Ll}*\s+){2,4})(?:(?:cũng|đã|vừa)\s+)?(?=(?:yêu cầu|đề nghị|giao)[\s,:])/u;
const DOC_SAYS = /^(?:Công văn|Thông báo|Kế hoạch|Chỉ thị|Văn bản|Công điện|Kết luận|Hướng dẫn)\s+(?:nêu rõ|nêu|cho biết|nhấn mạnh|chỉ rõ)\s*[:,]\s*(?=\p{Lu})/u;
const BACKGROUND_VERB = /^(?:ban hành|banh|đã|nhận được|có ý kiến|được(?! giao| phân công)|vừa|là)(?![\p{L}])/u;

function listAt(input: string): { names: string[]; end: number } | null {
  // "Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin …": a title standing for each body listed after it.
  const title = /^(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng)\s*:\s*(?=\p{Lu})/u.exec(input);
  const skip = title ? title[0].length : 0;
  const got = listFrom(input.slice(skip));
  return got && { names: got.names, end: got.end + skip };
}

function listFrom(s: string): { names: string[]; end: number } | null {
  if (!bodyHeadAt(s)) return null;
  const { list, end } = readList(s);
  // "Đơn vị nào chưa gửi …", "cơ quan nào …": a condition on whichever body, not a named one.
  if (/^\s*nào(?![\p{L}])/u.test(s.slice(end)) || /(?:^|\s)nào(?:\s|$)/u.test(list)) return null;
  const names = splitList(list);
  return names.length ? { names, end } : null;
}

const DOC_NOUN = "(?:Chỉ thị|Công văn|Công điện|Văn bản|Kế hoạch|Thông báo|Kết luận|Hướng dẫn|Quyết định|Nghị quyết)";
const DOC_SUBJECT = new RegExp(`^${DOC_NOUN}(?:\\s+(?:số\\s*:?\\s*)?[\\p{L}\\d/.&-]*\\d[\\p{L}\\d/.&-]*)?\\s+(?:(?:cũng|đồng thời|nêu rõ|đã|còn)[,\\s]+)*(?=(?:giao|đề nghị|yêu cầu|phân công)[\\s,:])`, "u");
// The issuer's own publishing act: "vừa có công điện", "đã ban hành Công văn số …", "ra văn bản", "có ý kiến chỉ đạo".
const PUBLISHES = new RegExp(`^(?:(?:vừa|đã|mới|cũng|đồng thời)\\s+)*(?:(?:có|ban hành|ra|gửi|ký)\\s+(?:văn bản|${DOC_NOUN.slice(3, -1)}|công điện|ý kiến)|công điện|điện)(?![\\p{L}])`, "iu");
const REQUEST_ANYWHERE = /(?:^|[\s,;])(?:(?:trân trọng|kính)\s+)?(đề nghị|yêu cầu|đôn đốc|kính mời|giao|thông báo (?:đến|tới|cho))\s*[,:]?\s+/giu;

/** The first request in an issuer's publishing clause, and whom it asks (its objects, else the recipients "gửi X"). */
function embeddedRequest(after: string): { leads: string[]; verb: string } | null {
  const head = after.slice(0, 600);
  for (const m of head.matchAll(REQUEST_ANYWHERE)) {
    // A full stop before the request: another sentence.
    if (/\.\s+\p{Lu}/u.test(head.slice(0, m.index))) return null;
    const rest = head.slice(m.index + m[0].length);
    const obj = listAt(rest);
    if (obj) return { leads: obj.names, verb: verbAfter(rest.slice(obj.end)) };
    const sent = /(?:^|\s)gửi(?:\s+(?:đến|tới))?\s+/u.exec(head.slice(0, m.index));
    const to = sent ? listAt(head.slice(sent.index + sent[0].length)) : null;
    if (to) return { leads: to.names, verb: verbAfter(rest) };
  }
  // "Bộ Y tế vừa có công điện gửi UBND các tỉnh … quan tâm chỉ đạo …": the recipients, told what to do.
  const sent = /^[^.;]{0,80}?\sgửi(?:\s+(?:đến|tới))?\s+/u.exec(head);
  const to = sent ? listAt(head.slice(sent[0].length)) : null;
  const verb = to ? verbAfter(head.slice(sent![0].length + to.end)) : "";
  if (to && verb && !/^(?:về|v\/v|kèm|nội dung)/u.test(verb)) return { leads: to.names, verb };
  return null;
}

// Steps ask about the same sentences several times (structure, tasks, closings); results are immutable, so memoise.
const LEADS_CACHE = new Map<string, SentenceLeads | null>();

/** The bodies a sentence makes responsible, read at its start (after an opening adverbial clause if any). */
export function leadsOfSentence(sentence: string): SentenceLeads | null {
  if (LEADS_CACHE.has(sentence)) return LEADS_CACHE.get(sentence)!;
  const result = readLeads(sentence);
  if (LEADS_CACHE.size >= 2000) LEADS_CACHE.clear();
  LEADS_CACHE.set(sentence, result);
  return result;
}

function readLeads(sentence: string): SentenceLeads | null {
  // "Công văn nêu rõ: Để …, Ban Thường vụ Huyện ủy đề nghị …": a news lead quoting the document; read the quote.
  let s = sentence.replace(/^[\s\-–+•*]+/u, "").replace(DOC_SAYS, "");
  const starts = [0];
  if (OPENER.test(s)) {
    // "Bên cạnh đó UBND tỉnh yêu cầu …", "Theo đó UBND tỉnh giao …": a short linking opener without its comma.
    const link = /^(?:Bên cạnh đó|Theo đó|Đồng thời|Ngoài ra|Mặt khác|Qua đó|Tiếp theo|Trước mắt|Cụ thể)\s+(?=\p{Lu})/u.exec(s);
    if (link) starts.push(link[0].length);
    for (let i = s.indexOf(","); i > 0 && i < 600 && starts.length < 10; i = s.indexOf(",", i + 1)) starts.push(i + 1);
  }
  const found = readFrom(s, starts);
  if (found) return found;
  // "Thực hiện … (Thông tư 26); Bộ Giáo dục và Đào tạo đề nghị các sở …": after a semicolon only who asks whom counts.
  const opened = starts.length > 1 || OPENER.test(s);
  if (opened && s.includes(";")) {
    const semis: number[] = [];
    for (let i = s.indexOf(";"); i > 0 && i < 600 && semis.length < 5; i = s.indexOf(";", i + 1)) semis.push(i + 1);
    const asked = semis.length ? readFrom(s, semis) : null;
    if (asked && asked.requested && asked.requester.length > 0) return asked;
  }
  if (opened) return null;
  // No opener word, yet a clause after a comma names who asks whom ("(TTV) - Đ ể chủ động …, Bộ Công Thương đề nghị Sở
  // Công Thương …"): only such a request counts there, never a bare list of bodies met mid-sentence.
  const commas: number[] = [];
  for (let i = s.indexOf(","); i > 0 && i < 600 && commas.length < 10; i = s.indexOf(",", i + 1)) commas.push(i + 1);
  const late = commas.length ? readFrom(s, commas) : null;
  return late && late.requested && late.requester.length > 0 ? late : null;
}

function readFrom(s: string, starts: number[]): SentenceLeads | null {
  for (const at of starts) {
    if (at > 0 && (inRecipients(s, at) || inPartners(s, at))) continue;
    const part = s.slice(at).trimStart();
    // "Thứ trưởng Trương Thanh Hoài yêu cầu Cục …", "Phó Thủ tướng Trần Hồng Hà đề nghị …": a named official asking.
    const person = PERSON_ASKS.exec(part);
    if (person) {
      const rest = part.slice(person[0].length);
      const inner = REQUEST.exec(rest);
      const obj = inner ? listAt(rest.slice(inner[0].length)) : null;
      if (inner && obj) return { leads: obj.names, requester: [person[1]!.trim()], verb: verbAfter(rest.slice(inner[0].length + obj.end)), requested: true };
    }
    const req = REQUEST.exec(part);
    if (req) {
      const got = listAt(part.slice(req[0].length));
      if (got) return { leads: got.names, requester: [], verb: verbAfter(part.slice(req[0].length + got.end)), requested: true };
      // "Giao chỉ tiêu tuyển quân năm 2025 cho Ủy ban nhân dân các huyện": the body after "cho" receives the work.
      const to = /^giao$/iu.test(req[1]!) ? GIVEN_TO.exec(part.slice(req[0].length)) : null;
      const obj = to ? listAt(part.slice(req[0].length + to[0].length)) : null;
      // "Giao đất cho hộ gia đình …": households given something are beneficiaries, not bodies given work.
      if (obj && !obj.names.every((n) => /^(?:các\s+)?(?:hộ|nhân dân|người dân|tàu thuyền)(?![\p{L}])/iu.test(n))) return { leads: obj.names, requester: [], verb: "giao", requested: true };
      if (at === 0) return null;
      continue;
    }
    // A heading "Đối với Ban Thường vụ Huyện ủy Tân Sơn": the body the block below is addressed to.
    const towards = /^Đối với\s+/u.exec(part);
    if (towards && at === 0) {
      const got = listAt(part.slice(towards[0].length));
      if (got && /^[\s:.]*$/u.test(part.slice(towards[0].length + got.end))) return { leads: got.names, requester: [], verb: "", requested: false };
    }
    // "Chỉ thị yêu cầu …", "Công điện số 14/CĐ-UBND nêu rõ, yêu cầu …": the document itself makes the request.
    const doc = DOC_SUBJECT.exec(part);
    if (doc) {
      const inner = REQUEST.exec(part.slice(doc[0].length));
      const obj = inner ? listAt(part.slice(doc[0].length + inner[0].length)) : null;
      if (inner && obj) return { leads: obj.names, requester: [], verb: verbAfter(part.slice(doc[0].length + inner[0].length + obj.end)), requested: true };
    }
    const got = listAt(part);
    if (!got) continue;
    // "UBND tỉnh cũng đề nghị …", "Sở Y tế trân trọng đề nghị …": an adverb between the requester and its request.
    const after = part.slice(got.end).trimStart().replace(/^(?:(?:cũng|đồng thời|còn|tiếp tục|trân trọng|kính|thông báo(?:\s+và|\s*,)?)\s+)+(?=(?:giao|đề nghị|yêu cầu|phân công|mời)[\s,:])/iu, "");
    const inner = REQUEST.exec(after);
    if (inner) {
      const obj = listAt(after.slice(inner[0].length));
      // "Thủ trưởng các cơ quan …, Chủ tịch UBND các xã và đề nghị các cơ quan của tỉnh … thực hiện …": the bodies before
      // "và đề nghị" are told to do the same work, not the ones asking.
      const alsoLeads = /\svà\s*$/u.test(part.slice(0, got.end + (part.slice(got.end).length - part.slice(got.end).trimStart().length)) + " ") || /(?:^|\s)và$/u.test(got.names[got.names.length - 1] ?? "");
      if (obj && alsoLeads) return { leads: [...got.names.map((n) => n.replace(/\s+và$/u, "")), ...obj.names], requester: [], verb: verbAfter(after.slice(inner[0].length + obj.end)), requested: true };
      if (obj) return { leads: obj.names, requester: got.names, verb: verbAfter(after.slice(inner[0].length + obj.end)), requested: true };
    }
    // "Bộ Y tế vừa có công điện gửi UBND các tỉnh … đề nghị …", "Ban Thường vụ Thành ủy có Công văn số … yêu cầu các
    // cấp ủy …": the issuer's background clause carries the request; its objects (or the recipients) are the leads.
    // "UBND tỉnh thông báo đến tất cả các trụ sở …": the notice's addressees act on it.
    const notice = /^(?:(?:vừa|đã|cũng)\s+)*thông báo\s+(?:đến|tới|cho)\s+/iu.exec(after);
    const told = notice ? listAt(after.slice(notice[0].length)) : null;
    if (told) return { leads: told.names, requester: got.names, verb: verbAfter(after.slice(notice![0].length + told.end)), requested: true };
    // "Sở Nội vụ giới thiệu toàn văn Văn bản số …": a portal publishing the text, like "ban hành".
    if (/^giới thiệu\s+toàn văn/iu.test(after)) return { leads: got.names, requester: [], verb: "ban hành", requested: false };
    if (PUBLISHES.test(after)) {
      const req = embeddedRequest(after);
      if (req) return { leads: req.leads, requester: got.names, verb: req.verb, requested: true };
    }
    return { leads: got.names, requester: [], verb: verbAfter(after), requested: false };
  }
  return null;
}

// "… định kỳ báo cáo Ban Thường vụ Thành ủy (qua …), UBND Thành phố (qua …) kết quả": whom a report goes to, never
// who does the work (annotation guide: "gửi về X" and report recipients are not assignees).
const REPORT_TO = /(?<![\p{L}])(?:báo cáo(?:\s+(?:về|lên|cho|với))?|gửi(?:\s+(?:về|đến|tới|cho|lên))?)\s+/giu;

/** A clause start at `at` (after a comma) that lies inside the list of bodies a report is sent to. */
function inRecipients(s: string, at: number): boolean {
  for (const m of s.slice(0, at).matchAll(REPORT_TO)) {
    const from = m.index + m[0].length;
    const tail = s.slice(from);
    if (bodyHeadAt(tail) > 0 && from + readList(tail).end >= at) return true;
  }
  return false;
}

const PARTNERS = /phối (?:kết )?hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+/giu;
/** A clause start at `at` inside the list after "phối hợp với" ("… phối hợp với Sở A, các Sở, ngành …"): a partner. */
function inPartners(s: string, at: number): boolean {
  const head = s.slice(0, at);
  for (const m of head.matchAll(PARTNERS)) {
    const from = m.index + m[0].length;
    const tail = s.slice(from, from + 600);
    if (bodyHeadAt(tail) > 0 && from + readList(tail).end >= at) return true;
  }
  return false;
}

function verbAfter(rest: string): string {
  const m = /^[,\s]*([^\s,.;:]+(?:\s+[^\s,.;:]+)?)/u.exec(rest);
  return m ? m[1]!.toLowerCase() : "";
}

/** A sentence that states the work of named bodies (not background, not generic, not a bare heading). */
export function isWorkSentence(l: SentenceLeads | null): l is SentenceLeads {
  return l !== null && l.verb !== "" && !BACKGROUND_VERB.test(l.verb) && !isGeneric(l.leads);
}

/** Sentences: split after . ! ? (not inside numbers or abbreviations like "TP.HCM") and at line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/\n|(?<=[.!?])(?<!(?:^|\s)(?:TP|TX|Tp|Tx|TS|ThS|PGS|GS|BS|KS|Q|P|TT)\.)\s+(?=[\p{Lu}\d"“(])/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

// "Người đứng đầu … phải chịu trách nhiệm trước Ban Thường vụ nếu để xảy ra …": who answers for a failure, not who
// does the work. "… chịu trách nhiệm thi hành Quyết định này" still assigns.
const ACCOUNTABLE = /\s(?:phải\s+)?chịu trách nhiệm\s+(?:trước|nếu|khi|về việc để|cá nhân)(?![\p{L}])/u;

/** All leads of a task's own text: each sentence's subject, and each ";"-clause that starts with a body and a verb. */
export function leadsIn(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    const l = leadsOfSentence(s);
    if (l && (l.requested || l.verb === "" || !BACKGROUND_VERB.test(l.verb)) && !isGeneric(l.leads) && !ACCOUNTABLE.test(s)) out.push(...l.leads);
    for (const clause of s.split(/;\s*/u).slice(1)) {
      const c = leadsOfSentence(clause);
      if (c && !c.requested && isWorkSentence(c) && c.leads.every((n) => !out.includes(n))) out.push(...c.leads);
    }
  }
  return out;
}

const COORD = /(?<!(?:chương trình|quy chế|sự|công tác|kế hoạch|cơ chế)\s)phối (?:kết )?hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+/giu;

// Why a "phối hợp" does not name the lead's partners, asked of the clause text before it. Each test only becomes true
// as that text grows (no end anchor), which lets coordinatorsIn find where it turns true by bisection.
// "Đảng đoàn MTTQ tỉnh lãnh đạo Ủy ban MTTQ tỉnh phối hợp với …": the partner of a directed body, like "chỉ đạo".
const DIRECTS_OTHER = /\S\s+lãnh đạo\s+(?:\p{Lu}|các\s)/u;
// Lower case is the verb; "Ban Chỉ đạo" is a name, except at the start of the clause.
const LEADERS_NOUN = /(?:đề nghị|yêu cầu|giao|các|đồng chí|và|^\s*)\s*lãnh đạo/iu;
const DIRECTS = /(?:chỉ đạo|hướng dẫn|tạo điều kiện)/u;
const DIRECTS_AT_START = /^[\s\-–+•]*(?:Chỉ đạo|Hướng dẫn)\s/u;
/** A list of bodies is read within 500 characters (a parenthesis may be skipped a little further). */
const LIST_WINDOW = 2000;

/** Bodies after "phối hợp (với)", except where the phrase belongs to bodies the lead directs ("chỉ đạo X phối hợp"). */
export function coordinatorsIn(text: string): string[] {
  const out: string[] = [];
  const found = [...text.matchAll(COORD)];
  // Each match's clause starts after the last ";", "." or line break before it: one forward scan for all of them.
  const clauseStarts: number[] = [];
  let clauseStart = -1;
  let scanned = 0;
  for (const m of found) {
    for (; scanned < m.index; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 59 || c === 46 || c === 10) clauseStart = scanned;
    }
    clauseStarts.push(clauseStart);
  }
  // Matches sharing a clause see ever longer text before them, and each test above, once true, stays true: bisect for
  // the first match where it holds instead of testing the growing text at every match (quadratic on a long clause).
  for (let i = 0; i < found.length; ) {
    let j = i;
    while (j < found.length && clauseStarts[j] === clauseStarts[i]) j++;
    const before = (k: number) => text.slice(clauseStarts[i]! + 1, found[k]!.index);
    const firstTrue = (test: (s: string) => boolean): number => {
      let lo = i;
      let hi = j;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(before(mid))) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const directsOther = firstTrue((b) => DIRECTS_OTHER.test(b));
    const leadersNoun = firstTrue((b) => LEADERS_NOUN.test(b));
    const directs = firstTrue((b) => DIRECTS.test(b) || DIRECTS_AT_START.test(b));
    for (let k = i; k < j; k++) {
      const leadsOther = k >= directsOther && k < leadersNoun;
      if (leadsOther || k >= directs) continue;
      const m = found[k]!;
      const from = m.index + m[0].length;
      const rest = text.slice(from, from + LIST_WINDOW);
      // After "phối hợp với" a capitalised phrase is a body even when its head noun is not in the list ("Trạm …").
      const got = listAt(rest) ?? (/^\p{Lu}/u.test(rest) ? { names: splitList(readList(rest).list) } : null);
      if (got) out.push(...got.names);
    }
    i = j;
  }
  return out;
}

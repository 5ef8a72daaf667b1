/**
 * The dispatch reader: text → { doc, tasks, warnings }. A pipeline of pure steps (clean → header → structure → tasks
 * → deadlines); no I/O and no clock: the reference date comes in as an argument. Never throws: any input, however
 * broken, gives schema-valid output, with warnings (i18n keys in the "reader" namespace) saying what went wrong.
 */
import { cleanLines } from "./clean.js";
import { readHeader } from "./header.js";
import { buildStructure } from "./structure.js";
import { buildTasks, finished } from "./tasks.js";
import { attachDeadlines } from "./schedule.js";
import { issuingAct, leadsOfSentence, mayNameIssuer, sentences } from "./roles.js";
import { bodyHeadAt, readList, splitList } from "./bodies.js";
import { ownActor } from "./issuer.js";
import { sameBody } from "./names.js";
import { parsedDispatchSchema, type DocHeader, type ParsedDispatch } from "./schema.js";
import { ASSIGNEE_TAGGER_DEFAULT, refineAssignees } from "./tagger/refine.js";

export interface ReadOptions {
  /** ISO YYYY-MM-DD: resolves dates when the document carries no date of its own. */
  refDate: string;
  /** The learned second opinion on assignees (src/dispatch/tagger; decision 0105). Default: ASSIGNEE_TAGGER_DEFAULT. */
  assigneeTagger?: boolean;
}

/** Longer input is cut: no real dispatch comes near it, and the reader must stay fast on garbage. */
export const MAX_INPUT_CHARS = 2_000_000;

/** A sentence that adds one more actor to the story ("Cùng với đó, …", "Đồng thời …"), not the page's lead. */
const ALSO = /^\s*(?:Cùng với đó|Bên cạnh đó|Đồng thời|Ngoài ra|Mặt khác|Cũng)(?![\p{L}])/u;

export function readDispatch(text: string, options: ReadOptions): ParsedDispatch {
  try {
    return readUnsafe(typeof text === "string" ? text : "", options);
  } catch {
    return { doc: emptyHeader(), tasks: [], warnings: ["reader:warn.failed"] };
  }
}

/**
 * "Đề nghị các sở, ban, ngành gửi báo cáo về Sở Nội vụ trước ngày 10/9/2015." as the last paragraph of a công văn in
 * prose: the guide's closing sentence that sets a time for bodies also governs their earlier tasks that state none.
 */
function closingTimeGoverns(tasks: ParsedDispatch["tasks"]): void {
  const last = tasks[tasks.length - 1];
  if (!last || !last.ref.startsWith("#") || !last.deadline || last.assignees.length === 0) return;
  const leads = last.assignees.filter((a) => a.role === "lead").map((a) => a.name);
  for (const t of tasks.slice(0, -1)) {
    if (!t.ref.startsWith("#") || t.deadline) continue;
    const own = t.assignees.filter((a) => a.role === "lead");
    if (own.length && own.every((a) => leads.some((n) => sameBody(n, a.name)))) t.deadline = { ...last.deadline };
  }
}

function emptyHeader(): DocHeader {
  return { type: null, number: null, date: null, issuer: null, subject: null, recipients: [], secrecy: null, urgency: null };
}

function readUnsafe(input: string, options: ReadOptions): ParsedDispatch {
  const warnings: string[] = [];
  let text = input;
  if (text.length > MAX_INPUT_CHARS) {
    text = text.slice(0, MAX_INPUT_CHARS);
    warnings.push("reader:warn.truncated");
  }
  const header = readHeader(cleanLines(text));
  const { doc } = header;
  const body = header.lines.slice(header.bodyStart);

  // Who issued it (its own actions are not tasks), and to whom items with no body go.
  const issuer = doc.issuer ? [doc.issuer] : [];
  let addressees: string[] = [];
  // A portal's headline "Bộ Nội vụ hướng dẫn thực hiện chế độ báo cáo …" (no full stop) over "Theo đó, …": the body it
  // names is the issuer of the document the page reports.
  const [first, second] = body;
  if (first && second && first.text.length < 200 && !/[.!?:;]\s*$/u.test(first.text) && /^Theo đó\s*,/u.test(second.text)) {
    const l = leadsOfSentence(first.text);
    if (l && !l.requested && l.verb) issuer.push(...l.leads);
  }
  // Whether a sentence naming a body as its subject has been seen yet: on a page with no header, the first one is the
  // news lead, and the body it names acting on its own is the page's subject.
  let named = false;
  body.slice(0, 60).forEach((para, p) => {
    for (const s of sentences(para.text)) {
      // With the issuer named in the header, a sentence here only adds an issuer through a requester or an issuing act:
      // the others are not read (most of these sentences are never asked about again).
      if (doc.issuer && !mayNameIssuer(s)) continue;
      const l = leadsOfSentence(s);
      // "Ngày 30-9, Huyện ủy Bố Trạch tổ chức hội nghị …", "Hội Nông dân huyện tổ chức họp Ban Chấp hành …", "Sáng nay,
      // Công an huyện … ra quân …": a page without a header opens on what one body did; that body issued what the page
      // reports, and its own acts there (the meeting, the launch, "UBND phường sẽ thành lập tổ công tác") are not tasks.
      const own = !doc.issuer && issuer.length === 0 && !named && p < 8 && !ALSO.test(s) ? ownActor(s, l) : null;
      if (own) {
        issuer.push(...own);
        named = true;
        continue;
      }
      if (!l) continue;
      // A headline that only names a body ("Huyện ủy Bố Trạch: Quán triệt Chỉ thị …") is not yet the lead.
      named ||= (l.leads.length > 0 && l.verb !== "") || l.requester.length > 0;
      // A page with no header whose lead paragraph tells a body's directive ("(QNO) - … UBND huyện Tây Giang vừa chỉ
      // đạo 10 xã và các ngành liên quan tăng cường …"): that body issued what the page reports; those it directs act.
      // Not a sentence adding to what came before ("Cùng với đó, Huyện ủy Hòa Vang chỉ đạo …" is one more body's
      // task), and one body only: "UBND các huyện, thị xã, thành phố chỉ đạo các xã …" is a task's lead directing others.
      if (!doc.issuer && issuer.length === 0 && !ALSO.test(s) && p < 3 && l.directed?.length && !l.requested && l.leads.length === 1 && !/(?:^|\s)các\s/iu.test(l.leads[0]!)) issuer.push(...l.leads);
      else if (l.requester.length) {
        issuer.push(...l.requester);
        // "UBND tỉnh ban hành văn bản yêu cầu các sở, … chủ động ứng phó với cơn bão số 6:" before numbered items.
        if (addressees.length === 0 && /:\s*$/u.test(s)) addressees = l.leads;
      } else {
        const act = issuingAct(l, s);
        if (act) issuer.push(...l.leads);
        // "Sở Công thương kính gửi các sở, ngành, xem xét dự thảo …" (a portal's summary): the letter's addressees.
        const to = act === "sender" ? /kính gửi\s+/iu.exec(s) : null;
        if (to && addressees.length === 0 && doc.recipients.length === 0) {
          const rest = s.slice(to.index + to[0].length);
          if (bodyHeadAt(rest)) addressees = splitList(readList(rest).list);
        }
      }
    }
  });
  // Without a header, the body making the requests ("Bộ Giáo dục và Đào tạo đề nghị …") is the issuer.
  doc.issuer ??= issuer[0] ?? null;
  // A body calls itself by its short name in its own text ("UBND xã" for "UBND xã Tiền Tiến").
  for (const n of [...issuer]) {
    const short = /^(.*\s(?:tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận))\s+(?:\p{Lu}[\p{L}\d]*\s*){1,4}$/u.exec(n);
    if (short && !issuer.includes(short[1]!)) issuer.push(short[1]!);
  }
  // A Party committee acts through its standing board: "Quận ủy Hồng Bàng triển khai …" and "Ban Thường vụ Quận ủy
  // Hồng Bàng tổ chức Hội nghị …" are the same issuer.
  // Its standing committee ("Thường trực Tỉnh ủy") speaks for it as well: a page of the Thường trực telling what "Ban
  // Thường vụ Tỉnh ủy chỉ đạo …" is the same issuer directing.
  for (const n of [...issuer]) {
    const board = /^(?:Ban Thường vụ|Thường trực)\s+((?:Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+(?:ủy|uỷ)(?![\p{L}]).*)$/iu.exec(n);
    const committee = board ? board[1]! : /^(?:Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+(?:ủy|uỷ)(?![\p{L}])/iu.test(n) ? n : null;
    const others = committee ? [committee, `Ban Thường vụ ${committee}`, `Thường trực ${committee}`] : [];
    for (const other of others) if (!issuer.includes(other)) issuer.push(other);
  }
  // A school speaks of itself as "Nhà trường" ("Nhà trường sẽ cập nhật và thông tin đến phụ huynh …").
  if (issuer.some((n) => /^Trường\s/iu.test(n))) issuer.push("Nhà trường");
  const structure = buildStructure(body, issuer);
  const implicitTo = doc.recipients.length ? doc.recipients.flatMap((r) => splitList(r.replace(/^(?:Ông|Bà)\s*(?:\(\s*Bà\s*\)|\/\s*Bà)?\s*/iu, ""))) : addressees;
  const drafts = buildTasks(structure, { implicitTo, issuer, number: doc.number });
  if (options.assigneeTagger ?? ASSIGNEE_TAGGER_DEFAULT) refineAssignees(drafts);
  attachDeadlines(drafts, structure, doc, text, options.refDate);
  const tasks = drafts.map(finished);
  closingTimeGoverns(tasks);
  // Refs identify tasks downstream: a list that restarts its numbering ("1." again after "2.") gets "I.1 (2)".
  const seen = new Map<string, number>();
  for (const t of tasks) {
    const n = (seen.get(t.ref) ?? 0) + 1;
    seen.set(t.ref, n);
    if (n > 1) t.ref = `${t.ref} (${n})`;
  }

  if (tasks.length === 0) warnings.push("reader:warn.noTasks");
  else if (tasks.some((t) => t.assignees.length === 0)) warnings.push("reader:warn.unassigned");
  if (doc.secrecy) warnings.push("reader:warn.secret");
  const result: ParsedDispatch = { doc, tasks, warnings };
  const checked = parsedDispatchSchema.safeParse(result);
  return checked.success ? checked.data : { doc: emptyHeader(), tasks: [], warnings: [...warnings, "reader:warn.failed"] };
}

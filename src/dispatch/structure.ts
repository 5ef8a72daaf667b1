/**
 * Step: body lines → outline tree, root prose paragraphs and closing paragraphs. An unmarked paragraph after an item
 * continues that item, unless it is a closing ("Trên đây là…", "Nhận được công văn này…") or it opens with a new body
 * as its subject, which makes it a root prose paragraph (a "#k" task).
 */
import type { Line } from "./clean.js";
import { isNumbered, newNode, parseMarker, placeFor, type OutlineNode } from "./outline.js";
import { isWorkSentence, leadsIn, leadsOfSentence, sentences } from "./roles.js";
import { sameBody } from "./names.js";
import { isGeneric } from "./bodies.js";
import { asksOnlyToCarryOut } from "./tasks.js";

export interface Structure {
  root: OutlineNode;
  /** Paragraphs before the first item (lead-in, căn cứ…). */
  preamble: string[];
  /** Root prose in order (paragraphs and their dash items): the whole body of an unnumbered dispatch, or the root
   *  paragraphs after the items that name bodies of their own. */
  prose: string[];
  closing: string[];
  hasNumbered: boolean;
}

const END = /^(?:Nơi nhận|NƠI NHẬN|T\/M\b|TM\.|KT\.|Người ký|Lưu:)/u;
const CLOSING =
  /^(?:Trên đây là|Nhận được (?:công văn|văn bản|kế hoạch|thông báo|chỉ thị)|Trong quá trình (?:thực hiện|triển khai)[^.]{0,60}(?:khó khăn|vướng mắc)|\(?\s*Nguồn\b|\(\s*Theo\s+(?:công văn|văn bản|kế hoạch|thông báo|chỉ thị|quyết định|công điện|hướng dẫn)\s+số|\(?\s*Đính kèm|Tải file|Đánh giá$|Xem thêm|\.{3,})/iu;

// A closing restatement: "Yêu cầu … nghiêm túc thực hiện./.", "… để các cơ quan, đơn vị biết, thực hiện./.", "… thực
// hiện tốt nội dung Thông báo nêu trên", "Văn phòng UBND tỉnh thông báo để Sở Tài nguyên và Môi trường, các cơ quan
// liên quan thực hiện./." (the formula that closes an office's thông báo of a leader's conclusions, and "Cục Thuế thông
// báo để Trưởng Thuế các tỉnh, thành phố biết và thực hiện./." that closes any issuer's letter; a commune's
// "UBND xã thông báo để các hộ biết và chủ động nộp" to the public may be its only request, and stays).
const RESTATEMENT =
  /(?:thông báo để [^.]{0,150}?các cơ quan(?: có)? liên quan (?:biết,? (?:và )?)?thực hiện|nghiêm túc (?:triển khai,? |tổ chức,? )?(?:thực hiện|chấp hành)(?: (?:các |những )?(?:nội dung|yêu cầu|nhiệm vụ)?\s*(?:trên|nêu trên|này|công văn này|kế hoạch này|thông báo này|chỉ thị này))?(?:,? (?:nhằm|để) [^.]{0,200})?|để (?:các [^.]{0,60})?biết,? (?:và )?(?:thực hiện|phối hợp thực hiện)|^[^.]{0,80}?\sthông báo để [^.]{0,100}?\sbiết,? (?:và )?(?:thực hiện|phối hợp thực hiện)|(?:đề nghị|yêu cầu) (?:thủ trưởng )?các (?:cơ quan|đơn vị|địa phương|sở|ngành)[^.]{0,80}(?:thực hiện|triển khai)|(?:đề nghị|yêu cầu)\s[^.]{0,150}(?:thực hiện|triển khai)(?: tốt| nghiêm| đầy đủ)? (?:các )?(?:nội dung|yêu cầu|tinh thần)(?: của)? (?:(?:thông báo|công văn|kế hoạch|chỉ thị|văn bản) )?(?:này|trên|nêu trên))\s*[./]*$/iu;

// After the items, a reporting line with a time ("Báo cáo kết quả về UBND huyện trước ngày 30/11/2024.") is a closing.
const REPORT_CLOSING = /^(?:Báo cáo|Gửi báo cáo|Nộp báo cáo|Định kỳ|Đề nghị (?:các|thủ trưởng)|Yêu cầu (?:các|thủ trưởng))[^]*?(?:trước|chậm nhất|hạn chót|định kỳ|hằng|hàng)/iu;

const REPORT_TIME = /(?:báo cáo|gửi|nộp)[^]*?(?:trước|chậm nhất|hạn chót|hằng năm|hàng năm|định kỳ)/iu;

// A news page's photo caption ("… tại thị trấn Ea Pốk. Ảnh minh họa", "… về chính sách thuế. Ảnh: KHÁNH CHÂU",
// "… (Ảnh: Hoàng Bình).", "… kiểm soát chặt người ra, vào các chốt. Trong ảnh: Một chốt bảo vệ …") describes a
// picture: whoever it shows doing something is not given work by the dispatch.
const CAPTION =
  /(?:(?:^|[\s.(])[Ảả]nh\s+[Mm]inh\s+[Hh](?:ọa|oạ)[^.]{0,60}|(?:^|[\s.(])Ảnh\s*:\s*[^.:]{1,40}|(?:^|[\s.])Ảnh\s+nguồn[^.]{0,40}|\(\s*[Ảả]nh\s*:[^()]{0,40}\)|(?:^|[\s.])Trong ảnh\s*:[^|]{2,300})\s*[.|]?\s*$/u;

function isHeadingOnly(node: OutlineNode): boolean {
  const l = leadsOfSentence(node.head);
  return l !== null && l.verb === "" && node.paras.length === 0 && node.children.length === 0;
}

// "UBND phường … đề nghị các ngành đoàn thể, … và toàn thể nhân dân trong phường biết và hưởng ứng.": a paragraph that
// asks bodies only to know and carry out what was said closes the items; it starts no work of its own.
const KNOWS = /(?:^|\s)(?:được\s+)?biết\s*(?:[,;]|và)?\s*(?:(?:phối hợp|tổ chức|triển khai|cùng)\s+)?(?:thực hiện|hưởng(?: ứng)?|chấp hành)?\s*[./]*\s*$/u;

/** Whether an item's own text already names a lead other than `leads`: a paragraph naming them then starts their work. */
function startsOwnWork(item: OutlineNode, leads: string[]): boolean {
  if (item.children.length > 0) return false;
  const mine = leadsIn([item.head, ...item.paras].join("\n"));
  return mine.length > 0 && !leads.every((n) => mine.some((o) => sameBody(n, o)));
}

/** A paragraph (after a finished sentence) whose subject is only the issuer, acting on its own rather than asking. */
function selfAct(l: ReturnType<typeof leadsOfSentence>, text: string, lastLine: string, blankBefore: boolean, issuerNames: string[]): boolean {
  if (!l || l.requested || l.verb === "" || l.leads.length === 0 || l.directed?.length) return false;
  if (!blankBefore && !/[.;:!?]["”)]?\s*$/u.test(lastLine)) return false;
  // A name with "các" is many bodies, never the one that issues the letter ("UBND các xã, thị trấn ban hành Quy chế …").
  return /^\p{Lu}/u.test(text) && text.trimStart().startsWith(l.leads[0]!) && l.leads.every((n) => !/(?:^|\s)các\s/iu.test(n) && issuerNames.some((i) => sameBody(n, i)));
}

function topItem(node: OutlineNode): OutlineNode {
  let n = node;
  while (n.parent && n.parent.kind !== "root" && !(isNumbered(n.kind) && !isNumbered(n.parent.kind))) n = n.parent;
  return n;
}

export function buildStructure(lines: Line[], issuerNames: string[]): Structure {
  const root = newNode("root", "", "", null);
  const stack: OutlineNode[] = [root];
  const preamble: string[] = [];
  const prose: string[] = [];
  const closing: string[] = [];
  let mode: "body" | "prose" | "closing" = "body";
  const hasNumbered = lines.some((l) => !END.test(l.text) && isNumbered(parseMarker(l.text)?.kind ?? "root") && parseMarker(l.text)?.kind !== "paren");

  for (const { text, blankBefore } of lines) {
    // A portal's "Người ký văn bản: …" above the text is metadata; after the text, the signature block ends it.
    if (END.test(text)) {
      if (root.children.length || prose.length || preamble.length) break;
      continue;
    }
    if (text.length < 400 && CAPTION.test(text)) continue;
    // "(1) …" numbers sub-items inside a numbered item; at the top, "… đề nghị …: (1) Tổng hợp …; (2) …" lists what
    // the request before it asks, in its prose.
    const mk0 = parseMarker(text);
    const mk = mk0?.kind === "paren" && !stack.some((n) => isNumbered(n.kind)) ? null : mk0;
    if (mk && mode === "closing" && !isNumbered(mk.kind)) {
      closing.push(text);
      continue;
    }
    if (mk && (mode === "prose" || !hasNumbered) && !isNumbered(mk.kind)) {
      // Dash items of root prose belong to the prose around them.
      prose.push(text);
      mode = "prose";
      continue;
    }
    if (mk) {
      mode = "body";
      const parent = placeFor(stack, mk.kind);
      const node = newNode(mk.kind, mk.label, mk.rest, parent);
      parent.children.push(node);
      stack.push(node);
      continue;
    }
    // "Yêu cầu Giám đốc các sở … nghiêm túc triển khai thực hiện Chỉ thị này. Giao Sở NN&PTNT theo dõi, …" after the
    // items: a closing restatement, then a new task of its own (or more closing), never the last item's text.
    const sents = hasNumbered && (blankBefore || /^\p{Lu}/u.test(text)) && stack.length > 1 ? sentences(text) : [];
    if (sents.length > 1 && RESTATEMENT.test(sents[0]!) && sents[0]!.length < 300) {
      stack.length = 1;
      closing.push(sents[0]!);
      const rest = sents.slice(1).join(" ");
      const l = leadsOfSentence(rest);
      const issuerOnly = l !== null && l.leads.every((n) => issuerNames.some((i) => sameBody(n, i)));
      if (l && !issuerOnly && (l.requested || isWorkSentence(l))) {
        mode = "prose";
        prose.push(rest);
      } else {
        mode = "closing";
        closing.push(rest);
      }
      continue;
    }
    // "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch UBND các xã …; Thủ trưởng các cơ quan … triển khai thực hiện nghiêm
    // túc Chỉ thị này./." after the items: a request whose only work is to carry out the document closes it, however
    // the words run.
    if (hasNumbered && stack.length > 1 && /^(?:Yêu cầu|Đề nghị|Giao)\s/u.test(text) && sentences(text).length === 1) {
      const l = leadsOfSentence(text);
      if (l?.requested && l.leads.length && asksOnlyToCarryOut(text, l.leads)) {
        mode = "closing";
        stack.length = 1;
        closing.push(text);
        continue;
      }
    }
    // Without a blank line before it, such a line may be the wrapped tail of the item above (PDF text).
    const reportLine = hasNumbered && blankBefore && REPORT_CLOSING.test(text) && text.length < 400;
    // "Nhận được công văn này, Bộ … đề nghị các sở … chỉ đạo …": a request after the opener is a task, not a closing.
    // "Nhận được thông báo này yêu cầu Hiệu trưởng các trường …" (no comma): the sentence asks as a whole.
    const received = /^Nhận được/iu.test(text) && !RESTATEMENT.test(text) && !/nghiêm túc (?:triển khai )?thực hiện|thực hiện nghiêm/iu.test(text) && (leadsOfSentence(text.replace(/^Nhận được[^,]{0,80},\s*/iu, ""))?.requested === true || leadsOfSentence(sentences(text)[0] ?? text)?.requested === true);
    if (received && hasNumbered) {
      stack.length = 1;
      mode = "prose";
      prose.push(text);
      continue;
    }
    if ((CLOSING.test(text) && !received) || reportLine || (RESTATEMENT.test(text) && text.length < 300)) {
      mode = "closing";
      stack.length = 1;
      closing.push(text);
      continue;
    }
    // "(Đính kèm lịch thu gom …)" / "Đề nghị Tổ trưởng 08 Tổ dân phố thông báo cho …": a request to a named body after
    // a closing line is new work, not more of the closing.
    const asksAgain = mode === "closing" && /^(?:Yêu cầu|Đề nghị|Giao)\s/u.test(text) && !RESTATEMENT.test(text) && !CLOSING.test(text);
    const again = asksAgain ? leadsOfSentence(sentences(text)[0] ?? text) : null;
    if (again?.requested && again.leads.length && !isGeneric(again.leads) && !again.leads.some((n) => issuerNames.some((i) => sameBody(n, i)))) {
      stack.length = 1;
      mode = "prose";
      prose.push(text);
      continue;
    }
    if (mode === "closing") {
      closing.push(text);
      continue;
    }
    const deepest = stack[stack.length - 1]!;
    if (deepest === root) {
      if (!hasNumbered || mode === "prose") {
        mode = "prose";
        prose.push(text);
      } else preamble.push(text);
      continue;
    }
    // "- Hướng dẫn các Sở, ban, ngành," / "UBND xã, phường và đơn vị liên quan …": a line right under an item's line that
    // ends in a comma is the wrapped rest of its sentence, not a paragraph of its own.
    const lastLine = deepest.paras.length ? deepest.paras[deepest.paras.length - 1]! : deepest.head;
    if (!blankBefore && /,\s*$/u.test(lastLine.slice(-5))) {
      deepest.paras.push(text);
      continue;
    }
    if (isHeadingOnly(deepest)) {
      deepest.paras.push(text);
      continue;
    }
    const l = leadsOfSentence(text);
    // "3. Chỉ đạo đầu mối phối hợp …." / "Bộ Tài chính gửi kèm bộ Cẩm nang gồm: - …": a paragraph of its own after an
    // item, whose subject is the issuer doing something itself (not asking), is the letter speaking again after its
    // items (guide: the issuer's own actions are not tasks); it and what follows it are not the item's text.
    if (selfAct(l, text, lastLine, blankBefore, issuerNames)) {
      stack.length = 1;
      mode = "closing";
      closing.push(text);
      continue;
    }
    const own = leadsOfSentence(topItem(deepest).head);
    const otherBody =
      isWorkSentence(l) &&
      !l.leads.some((n) => issuerNames.some((i) => sameBody(n, i))) &&
      !l.leads.every((n) => own?.leads.some((o) => sameBody(n, o)));
    // "Các sở, ngành … báo cáo kết quả … trước ngày 15/12 hằng năm" after the items: a closing that sets the time of
    // those bodies' items, not a task of its own.
    // A paragraph of its own may also name the item's body among others ("Các sở, ban, ngành cấp tỉnh; UBND các
    // huyện … báo cáo … trước ngày 01/3" after an item of UBND các huyện): still the closing, not that item's text.
    const widerList =
      blankBefore && isWorkSentence(l) && l.leads.length > (own?.leads.length ?? 0) &&
      !l.leads.some((n) => issuerNames.some((i) => sameBody(n, i))) &&
      l.leads.some((n) => !own?.leads.some((o) => sameBody(n, o)));
    const reportClosing = (otherBody || widerList) && hasNumbered && /^(?:báo cáo|định kỳ|gửi báo cáo|tổng hợp báo cáo)/u.test(l!.verb) && REPORT_TIME.test(text);
    // After bullets, a paragraph naming a new body is root prose; right under a numbered item it is that item's text.
    if (reportClosing) {
      stack.length = 1;
      mode = "closing";
      closing.push(text);
    } else if (otherBody && !isNumbered(deepest.kind)) {
      stack.length = 1;
      mode = "prose";
      prose.push(text);
    } else if (otherBody && isNumbered(deepest.kind) && startsOwnWork(deepest, l.leads) && !KNOWS.test(text)) {
      // "2. Các xã … phải di dân …" / "Trong trường hợp …, thì UBND các xã … bố trí lực lượng …": an unmarked paragraph
      // under an item that already names its body, with a different body as its subject, is that body's work, as a
      // bullet naming its own body is (guide); it holds the paragraphs after it that name no new body.
      const node = newNode("dash", "", text, deepest);
      deepest.children.push(node);
      stack.push(node);
    } else deepest.paras.push(text);
  }
  return { root, preamble, prose, closing, hasNumbered };
}

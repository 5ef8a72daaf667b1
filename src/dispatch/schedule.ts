/**
 * Step: deadlines for each task. A task's own text first; else an activity window stated in an information item
 * ("Thời gian lấy ý kiến: từ … đến …") that the task carries out; else a closing sentence that sets a time for bodies
 * among the task's leads ("… báo cáo kết quả trước ngày 20/11 hàng năm").
 */
import type { DocHeader, ParsedTask, Deadline } from "./schema.js";
import type { OutlineNode } from "./outline.js";
import type { Structure } from "./structure.js";
import { findDeadlines, type DateContext } from "./deadlines.js";
import { canonicalName, sameBody } from "./names.js";
import { readList, splitList, bodyHeadAt } from "./bodies.js";
import { leadsOfSentence, sentences } from "./roles.js";
import { PARENT_TEXT } from "./tasks.js";

/** Year for dates written without one: the document's, else the latest year the text states, else the reference date's. */
export function dateContext(doc: DocHeader, text: string, refDate: string): DateContext {
  if (doc.date) return { year: Number(doc.date.slice(0, 4)), base: doc.date };
  const refYear = Number(refDate.slice(0, 4));
  let best = 0;
  for (const m of text.matchAll(/\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*((?:19|20)\d\d)(?!\d)|tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)/gu)) {
    const y = Number(m[1] ?? m[2]);
    if (y > best && y <= refYear + 1) best = y;
  }
  return best ? { year: best, base: `${best}-01-01` } : { year: refYear, base: refDate };
}

function first(text: string, ctx: DateContext): Deadline | null {
  const d = findDeadlines(text, ctx)[0];
  return d ? { text: d.text, date: d.date, recurrence: d.recurrence } : null;
}

function windows(root: OutlineNode, ctx: DateContext): Array<{ activity: string; deadline: Deadline }> {
  const out: Array<{ activity: string; deadline: Deadline }> = [];
  const walk = (n: OutlineNode) => {
    const m = /^Thời gian\s+([^:]{3,60}?)\s*:\s*(.+)$/iu.exec(n.head);
    const d = m && first(m[2]!, ctx);
    const activity = m ? m[1]!.toLowerCase().replace(/^(?:tổ chức|thực hiện|triển khai)\s*/u, "").trim() : "";
    // Only a named activity ("lấy ý kiến") links tasks to the window; "Thời gian tổ chức" alone names none.
    if (m && d && activity.split(" ").length >= 2) out.push({ activity, deadline: d });
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

const KINDS = ["sở", "ban", "ngành", "phòng", "hội", "đoàn thể", "cơ quan", "đơn vị", "trường", "ủy ban nhân dân", "huyện ủy", "đảng ủy"];
function kindOf(name: string): string | null {
  const c = canonicalName(name).replace(/^các\s+/u, "");
  return KINDS.find((k) => c === k || c.startsWith(`${k} `)) ?? null;
}
/** The kinds a collective lists: "các sở, ban, ngành Thành phố" → sở, ban, ngành. */
function kindsOf(collective: string): string[] {
  if (!/^các\s/iu.test(collective.trim())) return [];
  return collective
    .split(/\s*,\s*|\s+và\s+/u)
    .map((seg) => kindOf(seg))
    .filter((k): k is string => k !== null);
}
function addressed(lead: string, bodies: string[]): boolean {
  const kind = kindOf(lead);
  return bodies.some((b) => sameBody(b, lead) || (kind !== null && kindsOf(b).includes(kind)));
}

interface ClosingRule {
  bodies: string[];
  deadline: Deadline;
  toImplicit: boolean;
}

function closingRules(closing: string[], issuer: string[], recipients: string[], ctx: DateContext): ClosingRule[] {
  const rules: ClosingRule[] = [];
  // "… đề nghị X, yêu cầu Y nghiêm túc thực hiện. Báo cáo kết quả … trước ngày 20/11 hàng năm": the time in one
  // sentence is for the bodies the closing named just before it.
  let named: string[] = [];
  for (const para of closing) {
    const bodies: string[] = [];
    for (const m of para.matchAll(/(?:đề nghị|yêu cầu|giao)\s+/giu)) {
      const rest = para.slice(m.index + m[0].length);
      if (bodyHeadAt(rest)) bodies.push(...splitList(readList(rest).list));
    }
    for (const s of sentences(para)) {
      const l = leadsOfSentence(s);
      if (l && !l.requested) bodies.push(...l.leads.filter((n) => !issuer.some((i) => sameBody(i, n))));
    }
    if (bodies.length) named = bodies;
    const d = first(para, ctx);
    if (!d) continue;
    // A closing time that names no body is addressed to the recipients (and the items that fall to them).
    rules.push({ bodies: named.length ? named : recipients, deadline: d, toImplicit: named.length === 0 });
  }
  return rules;
}

export function attachDeadlines(tasks: ParsedTask[], st: Structure, doc: DocHeader, text: string, refDate: string): void {
  const ctx = dateContext(doc, text, refDate);
  const wins = windows(st.root, ctx);
  const issuer = doc.issuer ? [doc.issuer] : [];
  const recipients = doc.recipients.flatMap((r) => splitList(r));
  const rules = closingRules(st.closing, issuer, recipients, ctx);
  for (const t of tasks) {
    t.deadline = first(t.text, ctx);
    const parent = PARENT_TEXT.get(t);
    if (!t.deadline && parent) t.deadline = first(parent, ctx);
    if (t.deadline?.date) continue;
    const low = t.text.toLowerCase();
    const win = wins.find((w) => low.includes(w.activity)) ?? (/thời gian (?:[^,.;]{0,40})?nêu trên/u.test(low) ? wins[0] : undefined);
    if (win && !t.deadline) {
      t.deadline = { ...win.deadline, text: /thời gian[^,.;]*nêu trên/iu.exec(t.text)?.[0] ?? win.deadline.text };
      continue;
    }
    const leads = t.assignees.filter((a) => a.role === "lead").map((a) => a.name);
    const rule = rules.find((r) => (r.toImplicit && t.implicit) || leads.some((l) => addressed(l, r.bodies)));
    if (!rule) continue;
    if (!t.deadline || t.deadline.recurrence === rule.deadline.recurrence) t.deadline = { ...rule.deadline };
  }
}

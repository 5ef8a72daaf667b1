import type { NewOutboxItem } from "../chat/outbox.js";
import { type ChatId, parseChatId } from "../chat/port.js";
import type { Translate } from "../i18n.js";
import type { DueReminder } from "../reminders/due-reminders.js";
import { displayDay } from "./office-day.js";
import type { AssignmentView } from "./model.js";
import { clip } from "./post-message.js";

function line(t: Translate, n: number, r: DueReminder, a: AssignmentView): string {
  const vars = { n, number: a.dispatchNumber ?? "—", ref: a.taskRef, text: clip(a.taskText, 160), days: Math.abs(r.daysLeft), date: displayDay(a.deadlineDate ?? "") };
  // A "due" reminder moved off a weekend still has days left: say how many, not "today".
  return t(r.daysLeft < 0 ? "tracking:reminder.overdue" : r.daysLeft === 0 ? "tracking:reminder.dueToday" : "tracking:reminder.before", vars);
}

/**
 * One digest per unit chat per day, tasks numbered so "xong 2" replying to the digest closes task 2 (the outbox
 * records the digest's post rows in that order when it is delivered). Split at ~3,500 characters.
 */
export function unitDigestMessages(chat: ChatId, day: string, reminders: Array<{ r: DueReminder; a: AssignmentView }>, t: Translate): Array<{ item: NewOutboxItem; keys: string[] }> {
  const out: Array<{ item: NewOutboxItem; keys: string[] }> = [];
  let lines: string[] = [];
  let keys: string[] = [];
  let size = 0;
  const unit = reminders[0]?.a.unitName ?? "";
  // Zalo digests stay under its 2,000-character messages (see post-message.ts).
  const max = parseChatId(chat).platform === "zalo" ? 1600 : 3300;
  const flush = () => {
    if (!keys.length) return;
    const text = [t("tracking:reminder.header", { date: displayDay(day), unit }), ...lines, "", t("tracking:reminder.footer")].join("\n");
    out.push({ item: { chat, payload: { op: "send", text }, purpose: { type: "reminder", reminderKeys: keys } }, keys });
    lines = [];
    keys = [];
    size = 0;
  };
  for (const { r, a } of reminders) {
    if (size > max) flush();
    const l = line(t, keys.length + 1, r, a);
    lines.push(l);
    keys.push(r.key);
    size += l.length + 1;
  }
  flush();
  return out;
}

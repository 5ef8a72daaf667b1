import type { Translate } from "../i18n.js";
import type { DueReminder, OpenAssignment } from "../reminders/due-reminders.js";
import { dayNumber, displayDay, isoFromDayNumber, type IsoDate } from "../tracking/office-day.js";
import { splitIntoChunks } from "./chunk.js";
import { clip } from "./format.js";

/** What a reminder line shows about its task; storage passes these along with each open assignment. */
export interface DigestItem extends OpenAssignment {
  dispatchNumber: string | null;
  taskRef: string;
  taskText: string;
  unitName: string;
}

export interface DigestTextOptions {
  maxLength?: number;
  maxTaskText?: number;
}

/** The leader's overdue digest: every overdue task grouped by unit, most overdue first. */
export function renderLeaderDigest<A extends DigestItem>(reminders: readonly DueReminder<A>[], day: IsoDate, t: Translate, options: DigestTextOptions = {}): string[] {
  const { maxLength = 4096, maxTaskText = 100 } = options;
  const byUnit = new Map<string | number, DueReminder<A>[]>();
  for (const r of reminders) {
    let list = byUnit.get(r.assignment.unitId);
    if (!list) byUnit.set(r.assignment.unitId, (list = []));
    list.push(r);
  }
  const out = [t("reminders:leader-title", { day: displayDay(day), count: reminders.length })];
  for (const list of byUnit.values()) {
    out.push("", t("reminders:leader-unit", { unit: list[0]!.assignment.unitName, count: list.length }));
    for (const r of list) out.push(itemLine(r, day, t, maxTaskText));
  }
  return splitIntoChunks(out.join("\n"), maxLength);
}

/** For the leader: reminders that could not go out because the unit has no bound chat. */
export function renderWithoutChat<A extends DigestItem>(reminders: readonly DueReminder<A>[], day: IsoDate, t: Translate, options: DigestTextOptions = {}): string[] {
  const { maxLength = 4096, maxTaskText = 100 } = options;
  const out = [t("reminders:without-chat-title")];
  for (const r of reminders) out.push(`${itemLine(r, day, t, maxTaskText)} – ${r.assignment.unitName}`);
  return splitIntoChunks(out.join("\n"), maxLength);
}

function itemLine(r: DueReminder<DigestItem>, day: IsoDate, t: Translate, maxTaskText: number): string {
  const a = r.assignment;
  const deadline = displayDay(a.deadline ?? isoFromDayNumber(dayNumber(day) + r.daysLeft));
  const when = r.daysLeft < 0 ? t("reminders:when-overdue", { day: deadline, count: -r.daysLeft })
    : r.daysLeft === 0 ? t("reminders:when-today", { day: deadline })
    : t("reminders:when-before", { day: deadline, count: r.daysLeft });
  return t("reminders:item", { number: a.dispatchNumber ?? t("reports:no-number"), ref: a.taskRef, text: clip(a.taskText, maxTaskText), when });
}

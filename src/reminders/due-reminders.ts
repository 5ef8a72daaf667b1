import type { Recurrence } from "../dispatch/schema.js";
import { dayNumber, isoFromDayNumber, officeDayNumber, officeInstant, type IsoDate } from "../tracking/office-day.js";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "./settings.js";
import { WorkingCalendar } from "./working-days.js";

export interface OpenAssignment {
  assignmentId: string | number;
  unitId: string | number;
  /** The unit's bound chat ("telegram:<id>", "zalo:<id>"), or null when it has none. */
  chat: string | null;
  /** Due day, ISO YYYY-MM-DD; null = no deadline (never reminded). */
  deadline: IsoDate | null;
  recurrence?: Recurrence | null;
}

export type ReminderKind = "before" | "due" | "overdue";

export interface DueReminder<A extends OpenAssignment = OpenAssignment> {
  /** Idempotency key `${assignmentId}:${kind}:${day}`: at most one reminder per assignment per office day. */
  key: string;
  kind: ReminderKind;
  /** Days from today to the due day: >0 before, 0 due (or due on the coming day off), <0 overdue. */
  daysLeft: number;
  assignment: A;
}

export interface ReminderDigest<A extends OpenAssignment = OpenAssignment> {
  /** `digest:${chat}:${day}:${hash of the set of reminder keys}`: the same content never goes out twice. */
  key: string;
  chat: string;
  unitId: string | number;
  /** Most overdue first, then due, then before (by days left); ties in input order. */
  reminders: DueReminder<A>[];
}

export interface DueReminders<A extends OpenAssignment = OpenAssignment> {
  /** The office day these reminders belong to. */
  day: IsoDate;
  /** When they are meant to go out (the settings hour on `day`). */
  sendAt: Date;
  /** Every reminder to send now, not yet in `alreadySent`. */
  reminders: DueReminder<A>[];
  /** One digest per unit chat. */
  unitDigests: ReminderDigest<A>[];
  /** Every overdue open assignment, for the leader; null if none or its key was already sent. */
  leaderDigest: { key: string; reminders: DueReminder<A>[] } | null;
  /** Reminders for units with no bound chat: tell the leader instead. */
  withoutChat: DueReminder<A>[];
  /** Assignments whose deadline is not a valid ISO date (skipped, never thrown on). */
  invalid: A[];
}

export interface DueRemindersInput<A extends OpenAssignment> {
  openAssignments: readonly A[];
  now: Date;
  settings?: Partial<ReminderSettings>;
  /** Keys already recorded as sent (reminder, digest and leader keys). */
  alreadySent: ReadonlySet<string>;
  /** A calendar built from the same settings, to reuse across ticks (built from `settings` when omitted). */
  calendar?: WorkingCalendar;
}

/**
 * What the reminder tick must send now. Pure: "now" is passed in, nothing is read or written.
 * Rules (all in Asia/Ho_Chi_Minh): nothing before the settings hour or on a day off; a "before" reminder on each
 * offset (calendar days) before the due day and a "due" reminder on the due day, each moved to the working day before
 * when it falls on a day off; "overdue" on every working day after the due day (or only the first one); one reminder
 * per assignment per day (the most urgent); grouped into one digest per unit chat, plus one overdue digest for the
 * leader. O(n) with a per-call cache of parsed deadlines.
 */
export function dueReminders<A extends OpenAssignment>(input: DueRemindersInput<A>): DueReminders<A> {
  const given = Object.fromEntries(Object.entries(input.settings ?? {}).filter(([, v]) => v !== undefined));
  const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...given };
  const calendar = input.calendar ?? new WorkingCalendar(settings);
  const today = officeDayNumber(input.now);
  const sendAt = officeInstant(today, settings.hour);
  const result: DueReminders<A> = {
    day: isoFromDayNumber(today), sendAt, reminders: [], unitDigests: [], leaderDigest: null, withoutChat: [], invalid: [],
  };
  if (input.now < sendAt || !calendar.isWorkingDay(today)) return result;

  const upcoming = upcomingTable(today, calendar, settings.offsetsDays);
  const firstWorkingAfter = new Map<number, boolean>();
  const parsed = new Map<string, number>();
  const overdue: DueReminder<A>[] = [];
  const byChat = new Map<string, DueReminder<A>[]>();

  for (const a of input.openAssignments) {
    if (a.deadline === null) continue;
    let due = parsed.get(a.deadline);
    if (due === undefined) {
      try { due = dayNumber(a.deadline); } catch { due = Number.NaN; }
      parsed.set(a.deadline, due);
    }
    if (Number.isNaN(due)) { result.invalid.push(a); continue; }
    let kind: ReminderKind;
    if (due < today) {
      if (!settings.overdueEveryWorkingDay) {
        let first = firstWorkingAfter.get(due);
        if (first === undefined) firstWorkingAfter.set(due, (first = calendar.after(due) === today));
        if (!first) { overdue.push(reminder(a, "overdue", due - today, result.day)); continue; }
      }
      kind = "overdue";
    } else {
      const k = upcoming.get(due);
      if (k === undefined) continue;
      kind = k;
    }
    const key = `${a.assignmentId}:${kind}:${result.day}`;
    if (kind !== "overdue" && input.alreadySent.has(key)) continue;
    const r: DueReminder<A> = { key, kind, daysLeft: due - today, assignment: a };
    if (kind === "overdue") overdue.push(r);
    if (kind === "overdue" && input.alreadySent.has(key)) continue;
    result.reminders.push(r);
    if (a.chat === null) { result.withoutChat.push(r); continue; }
    let list = byChat.get(a.chat);
    if (!list) byChat.set(a.chat, (list = []));
    list.push(r);
  }

  for (const [chat, list] of byChat) {
    list.sort(byUrgency);
    let keyHash = 0;
    for (const r of list) keyHash = (keyHash + fnv1a(r.key)) >>> 0;
    result.unitDigests.push({ key: `digest:${chat}:${result.day}:${keyHash.toString(36)}`, chat, unitId: list[0]!.assignment.unitId, reminders: list });
  }
  const leaderKey = `leader-overdue:${result.day}`;
  if (overdue.length > 0 && !input.alreadySent.has(leaderKey)) {
    overdue.sort(byUrgency);
    result.leaderDigest = { key: leaderKey, reminders: overdue };
  }
  return result;
}

function reminder<A extends OpenAssignment>(a: A, kind: ReminderKind, daysLeft: number, day: IsoDate): DueReminder<A> {
  return { key: `${a.assignmentId}:${kind}:${day}`, kind, daysLeft, assignment: a };
}

/**
 * Due days (day numbers ≥ today) that get a reminder today, and which kind. A reminder planned for `target` goes out
 * on the working day on or before it, so today serves every target from today up to the next working day.
 */
function upcomingTable(today: number, calendar: WorkingCalendar, offsets: readonly number[]): Map<number, ReminderKind> {
  const table = new Map<number, ReminderKind>();
  const next = calendar.after(today);
  const smallestFirst = [0, ...[...offsets].sort((a, b) => a - b)];
  // Smallest offset first: the most urgent reminder wins when several land on today for the same due day.
  for (const offset of smallestFirst) {
    for (let target = today; target < next; target++) {
      if (!table.has(target + offset)) table.set(target + offset, offset === 0 ? "due" : "before");
    }
  }
  return table;
}

/** 32-bit FNV-1a. Digest keys sum these, so they do not depend on order. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Most overdue first; ties keep the input order (the sort is stable). */
function byUrgency(x: DueReminder, y: DueReminder): number {
  return x.daysLeft - y.daysLeft;
}

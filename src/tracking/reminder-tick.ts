import type { NewOutboxItem } from "../chat/outbox.js";
import { translator } from "../i18n.js";
import { chatLang } from "./chat-lang.js";
import { dueReminders, type DueReminder, type OpenAssignment } from "../reminders/due-reminders.js";
import { occurrenceAfter } from "../reminders/recurrence.js";
import { WorkingCalendar } from "../reminders/working-days.js";
import { isOfficeOpen } from "../reminders/office-hours.js";
import type { Recurrence } from "../dispatch/schema.js";
import type { TrackingDeps } from "./deps.js";
import { dayNumber, displayDay, isoFromDayNumber, officeDay, officeInstant } from "./office-day.js";
import type { AssignmentView } from "./model.js";
import { unitDigestMessages } from "./reminder-message.js";
import { renderLeaderDigest, renderWithoutChat, type DigestItem } from "../reports/digest-text.js";

export interface TickResult {
  day: string;
  /** Reminder lines enqueued (each assignment at most once per day). */
  reminders: number;
  /** Messages enqueued (unit digests + leader digests). */
  messages: number;
  /** Recurring tasks that got their next occurrence because their period passed. */
  rolled: number;
  /** False when another tick recorded the same keys first (nothing was enqueued twice). */
  recorded: boolean;
  /** Set when the tick fell outside office hours and sent nothing. */
  closed?: boolean;
}

let calendarCache: { json: string; calendar: WorkingCalendar } | null = null;

/**
 * One reminder tick (node-cron calls it; it decides everything from the database and the clock): rolls recurring
 * tasks whose period passed, asks the pure dueReminders() what is due now, and enqueues one digest per unit chat
 * plus the leader's overdue digest, recording every key in the same transaction: never sent twice, even after a
 * restart or a second tick at the same minute.
 */
export async function reminderTick(deps: TrackingDeps): Promise<TickResult> {
  const { store, clock } = deps;
  const now = clock.now();
  const today = officeDay(now);
  const settings = await store.directory.settings();
  // New occurrences of recurring tasks appear from the office's reminder hour, with the day's reminders, and each unit
  // is told (issue 10): never silently in the middle of a day, nor at midnight. (Told through the outbox, whose office
  // hours gate holds group messages until the next opening.)
  const fromHour = now.getTime() >= officeInstant(dayNumber(today), settings.reminders.hour).getTime();
  const created = fromHour ? await store.reminders.rollRecurring(today, (d, r, anchor) => occurrenceAfter(d, r as Recurrence, today, anchor), now) : [];
  const rolled = created.length;
  const json = JSON.stringify([settings.reminders.extraDaysOff, settings.reminders.extraWorkingDays]);
  if (calendarCache?.json !== json) calendarCache = { json, calendar: new WorkingCalendar(settings.reminders) };
  // Outside office hours (nights, weekends, holidays) no reminder is worked out or queued: a restart at 23:30 sends no
  // digest; the first tick of the next opening catches up (reminders are keyed by day, never sent twice).
  const closed = !!settings.officeHours && !isOfficeOpen(now, settings.officeHours, calendarCache.calendar);

  const chatOfUnit = new Map<number, string>();
  for (const b of await store.directory.activeBindings()) if (!chatOfUnit.has(b.unitId)) chatOfUnit.set(b.unitId, b.chatId);
  if (created.length > 0) await tellNewOccurrences(deps, created.flatMap((c) => c.assignmentIds), chatOfUnit);
  if (closed) return { day: today, reminders: 0, messages: 0, rolled, recorded: true, closed: true };

  // Deadlines further out than the largest offset (plus a month for holiday shifts) cannot be due today.
  const horizon = isoFromDayNumber(dayNumber(today) + Math.max(0, ...settings.reminders.offsetsDays) + 31);
  const open: OpenAssignment[] = (await store.reminders.openWithDeadline(horizon)).map(([id, unitId, deadline]) => ({
    assignmentId: String(id), unitId: String(unitId), chat: chatOfUnit.get(unitId) ?? null, deadline,
  }));
  const alreadySent = await store.reminders.sentSince(new Date(now.getTime() - 26 * 3_600_000));
  const due = dueReminders({ openAssignments: open, now, settings: settings.reminders, alreadySent, calendar: calendarCache.calendar });

  // Without any leader chat, the leader digest has nowhere to go: record its key so it is not rebuilt every tick.
  const leaderTargets = due.leaderDigest && (settings.leaderChat !== null || (await store.reminders.anyForwardChat()));
  const ids = new Set(due.reminders.map((r) => Number(r.assignment.assignmentId)));
  if (leaderTargets) for (const r of due.leaderDigest!.reminders) ids.add(Number(r.assignment.assignmentId));
  if (ids.size === 0) {
    if (due.leaderDigest) await store.reminders.record([], now, [due.leaderDigest.key]);
    return { day: due.day, reminders: 0, messages: 0, rolled, recorded: true };
  }
  const views = await store.reminders.views([...ids]);
  const withView = (list: DueReminder[]) => list.flatMap((r) => {
    const a = views.get(Number(r.assignment.assignmentId));
    return a ? [{ r, a }] : [];
  });

  // Each chat in its own language: a group's /ngonngu, a leader's own setting (src/tracking/chat-lang.ts).
  const tOf = async (chat: string) => translator(await chatLang(store, chat));
  const batches: Array<{ item: NewOutboxItem; keys: Array<{ key: string; assignmentId: number | null }> }> = [];
  for (const digest of due.unitDigests) {
    const parts = unitDigestMessages(digest.chat, due.day, withView(digest.reminders), await tOf(digest.chat));
    parts.forEach((p, i) => batches.push({
      item: p.item,
      keys: [...p.keys.map((key) => ({ key, assignmentId: Number(key.split(":")[0]) })), ...(i === 0 ? [{ key: digest.key, assignmentId: null }] : [])],
    }));
  }
  // The leader's overdue digest, and reminders for units without a chat, so nobody is silently skipped.
  const digestItem = (r: DueReminder): DueReminder<DigestItem> | null => {
    const a = views.get(Number(r.assignment.assignmentId));
    return a ? { ...r, assignment: { ...r.assignment, dispatchNumber: a.dispatchNumber, taskRef: a.taskRef, taskText: a.taskText, unitName: a.unitName } } : null;
  };
  const leaderChatOf = (r: DueReminder) => settings.leaderChat ?? views.get(Number(r.assignment.assignmentId))?.forwardChat ?? null;
  const perLeaderChat = new Map<string, { overdue: DueReminder<DigestItem>[]; noChat: DueReminder<DigestItem>[] }>();
  const add = (r: DueReminder, list: "overdue" | "noChat") => {
    const chat = leaderChatOf(r);
    const item = digestItem(r);
    if (!chat || !item) return;
    if (!perLeaderChat.has(chat)) perLeaderChat.set(chat, { overdue: [], noChat: [] });
    perLeaderChat.get(chat)![list].push(item);
  };
  if (leaderTargets) for (const r of due.leaderDigest!.reminders) add(r, "overdue");
  for (const r of due.withoutChat) if (r.kind !== "overdue") add(r, "noChat");
  const noChatKeys = due.withoutChat.map((r) => ({ key: r.key, assignmentId: Number(r.assignment.assignmentId) }));
  const leaderKey = due.leaderDigest?.key ?? `leader-nochat:${due.day}:${noChatKeys[0]?.key ?? ""}`;
  let first = true;
  for (const [chat, { overdue, noChat }] of perLeaderChat) {
    const t = await tOf(chat);
    const texts = [...(overdue.length ? renderLeaderDigest(overdue, due.day, t) : []), ...(noChat.length ? renderWithoutChat(noChat, due.day, t) : [])];
    texts.forEach((text, i) => {
      batches.push({
        item: { chat, payload: { op: "send", text }, purpose: { type: "notice" } },
        keys: first ? [{ key: leaderKey, assignmentId: null }, ...noChatKeys] : [{ key: `${leaderKey}:${chat}:${i}`, assignmentId: null }],
      });
      first = false;
    });
  }
  const leaderKeyRecorded = batches.some((b) => b.keys.some((k) => k.key === due.leaderDigest?.key));
  const extraKeys = due.leaderDigest && !leaderKeyRecorded ? [due.leaderDigest.key] : [];
  if (batches.length === 0 && extraKeys.length === 0) return { day: due.day, reminders: 0, messages: 0, rolled, recorded: true };
  const recorded = await store.reminders.record(batches, now, extraKeys);
  return { day: due.day, reminders: recorded ? due.reminders.length : 0, messages: recorded ? batches.length : 0, rolled, recorded };
}

/** One message per unit chat naming the recurring tasks that have just opened a new period, with their due day. */
async function tellNewOccurrences({ store }: TrackingDeps, assignmentIds: number[], chatOfUnit: Map<number, string>): Promise<void> {
  const views = await store.reminders.views(assignmentIds);
  const byChat = new Map<string, AssignmentView[]>();
  for (const a of views.values()) {
    const chat = chatOfUnit.get(a.unitId);
    if (chat) byChat.set(chat, [...(byChat.get(chat) ?? []), a]);
  }
  const items: NewOutboxItem[] = [];
  for (const [chat, list] of byChat) {
    const t = translator(await chatLang(store, chat));
    const lines = list.map((a) => t("tracking:reminder.newOccurrence", { ref: a.taskRef, number: a.dispatchNumber ?? "", text: a.taskText.slice(0, 160), date: a.deadlineDate ? displayDay(a.deadlineDate) : "" }));
    items.push({ chat, payload: { op: "send", text: [t("tracking:reminder.newOccurrences", { unit: list[0]!.unitName }), ...lines].join("\n") }, purpose: { type: "notice" } });
  }
  if (items.length) await store.outbox.enqueue(items);
}

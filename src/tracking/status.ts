import { dueDayNumber, officeDayNumber, type IsoDate } from "./office-day.js";

/**
 * The official tracking vocabulary (as provincial reports count tasks):
 * hoàn thành đúng hạn · hoàn thành quá hạn · hoàn thành (no deadline) · đang thực hiện (trong hạn) ·
 * quá hạn chưa hoàn thành · chưa có hạn.
 */
export const TASK_STATUSES = ["done_on_time", "done_late", "done", "in_progress", "overdue", "no_deadline"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface StatusInput {
  /** The due day (ISO YYYY-MM-DD, or a Date holding that day at 00:00 UTC), or null when there is none. */
  deadline: Date | IsoDate | null;
  /** When the task was completed (an instant), or null while open. */
  completedAt: Date | null;
  now: Date;
}

/**
 * Status of one assignment. Days are compared in Asia/Ho_Chi_Minh: a task due 2024-05-31 and completed at 23:30
 * Vietnam time that day is on time; it becomes overdue at 00:00 Vietnam time on 2024-06-01.
 * `now` matters only for open tasks. Pure.
 */
export function statusOf({ deadline, completedAt, now }: StatusInput): TaskStatus {
  if (completedAt) {
    if (deadline === null) return "done";
    return officeDayNumber(completedAt) <= dueDayNumber(deadline) ? "done_on_time" : "done_late";
  }
  if (deadline === null) return "no_deadline";
  return officeDayNumber(now) > dueDayNumber(deadline) ? "overdue" : "in_progress";
}

/** Whole days from today (office time) to the due day: 0 on the day, negative once overdue. */
export function daysLeft(deadline: Date | IsoDate, now: Date): number {
  return dueDayNumber(deadline) - officeDayNumber(now);
}

export function isDone(status: TaskStatus): boolean {
  return status === "done_on_time" || status === "done_late" || status === "done";
}

/** The i18n key of a status label ("reports:status.overdue" → "quá hạn chưa hoàn thành"). */
export function statusLabelKey(status: TaskStatus): string {
  return `reports:status.${status}`;
}

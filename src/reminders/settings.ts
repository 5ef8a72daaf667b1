import { z } from "zod";
import { isoDateSchema } from "../dispatch/schema.js";

/** Per-office reminder settings. Defaults: T-7, T-3, T-1 days, at 08:00 Asia/Ho_Chi_Minh, overdue every working day. */
export const reminderSettingsSchema = z.object({
  /** Calendar days before the due day on which to remind; the due day itself always gets one. */
  offsetsDays: z.array(z.number().int().min(1).max(90)).default([7, 3, 1]),
  /** Office hour (0–23, Vietnam time) from which the day's reminders go out. */
  hour: z.number().int().min(0).max(23).default(8),
  /** Remind overdue tasks every working day (true) or only on the first working day after the due day (false). */
  overdueEveryWorkingDay: z.boolean().default(true),
  extraDaysOff: z.array(isoDateSchema).default([]),
  extraWorkingDays: z.array(isoDateSchema).default([]),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = reminderSettingsSchema.parse({});

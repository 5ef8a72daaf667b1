import { z } from "zod";
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsSchema } from "../reminders/settings.js";
import { DEFAULT_OFFICE_HOURS } from "../reminders/office-hours.js";

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

/** Per-office settings, stored as JSON in the Setting table (one row per top-level key); defaults below. */
export const officeSettingsSchema = z.object({
  /** Offsets (T-7, T-3, T-1), hour (08:00), overdue cadence, extra days off / working days. */
  reminders: reminderSettingsSchema.default(DEFAULT_REMINDER_SETTINGS),
  /** A lead unit's completion waits for a leader's approval before it counts. Off by default. */
  requireApproval: z.boolean().default(false),
  /** Only registered officers of a unit may report for it (not everyone in its bound chat). */
  officersOnly: z.boolean().default(false),
  /** Where the leader's digests, approvals and difficulty notices go; null: the chat each dispatch came from. */
  leaderChat: z.string().nullable().default(null),
  /** When groups may be written to (working days only); null: any time. Issue 12. */
  officeHours: z.object({ start: hhmm, end: hhmm }).nullable().default(DEFAULT_OFFICE_HOURS),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;
export const DEFAULT_SETTINGS: OfficeSettings = officeSettingsSchema.parse({});

import { z } from "zod";

/** Per-office settings, stored as JSON in the Setting table; anything missing falls back to these defaults. */
export const officeSettingsSchema = z.object({
  /** Days before the deadline that a reminder goes out (T-7, T-3, T-1); the due day and overdue days always do. */
  reminderOffsets: z.array(z.number().int().min(1).max(60)).default([7, 3, 1]),
  /** Local hour (Asia/Ho_Chi_Minh) at which reminders go out. */
  reminderHour: z.number().int().min(0).max(23).default(8),
  /** A lead unit's completion waits for a leader's approval before it counts. */
  requireApproval: z.boolean().default(false),
  /** Only registered officers of a unit may report for it (not everyone in its bound chat). */
  officersOnly: z.boolean().default(false),
  /** Extra days off ("YYYY-MM-DD": the Tết break, compensatory days) on top of the public holidays. */
  extraDaysOff: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Extra working days (a Saturday worked to compensate a bridge day). */
  extraWorkingDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Where the leader's overdue digest goes; null: the chat each dispatch was forwarded from. */
  leaderChat: z.string().nullable().default(null),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;
export const DEFAULT_SETTINGS: OfficeSettings = officeSettingsSchema.parse({});

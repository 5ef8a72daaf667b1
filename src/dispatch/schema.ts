import { z } from "zod";
import { amendmentSchema } from "./amends.js";

/**
 * What the reader returns for one dispatch. Validated by zod at the boundary (CLI, ingest), and the type every later
 * stage (tracking, chat previews) works from.
 */
export const recurrenceSchema = z.enum(["yearly", "semiannual", "quarterly", "monthly", "weekly", "periodic"]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deadlineSchema = z.object({
  /** The phrase as written, e.g. "trước ngày 20/11 hàng năm". */
  text: z.string(),
  /** First due day, ISO YYYY-MM-DD, or null when only a recurrence is known. */
  date: isoDateSchema.nullable(),
  recurrence: recurrenceSchema.nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const assigneeSchema = z.object({
  name: z.string().min(1),
  role: z.enum(["lead", "coordinate"]),
});
export type Assignee = z.infer<typeof assigneeSchema>;

export const taskSchema = z.object({
  /** Numbering path: "4", "II.1", "III.2.a", "II.1#3" (third bullet naming its own body). */
  ref: z.string(),
  text: z.string(),
  assignees: z.array(assigneeSchema),
  /** True when the item names no body and falls to the Kính gửi recipients. */
  implicit: z.boolean(),
  deadline: deadlineSchema.nullable(),
});
export type ParsedTask = z.infer<typeof taskSchema>;

export const secrecySchema = z.enum(["MẬT", "TỐI MẬT", "TUYỆT MẬT"]);
export const urgencySchema = z.enum(["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]);

export const docHeaderSchema = z.object({
  /** "Công văn", "Kế hoạch", "Chỉ thị", "Thông báo", "Quyết định"... */
  type: z.string().nullable(),
  /** Số ký hiệu, e.g. "164/KH-UBND", "1277-CV/HU". */
  number: z.string().nullable(),
  date: isoDateSchema.nullable(),
  issuer: z.string().nullable(),
  /** Trích yếu. */
  subject: z.string().nullable(),
  recipients: z.array(z.string()),
  secrecy: secrecySchema.nullable(),
  urgency: urgencySchema.nullable(),
});
export type DocHeader = z.infer<typeof docHeaderSchema>;

export const parsedDispatchSchema = z.object({
  doc: docHeaderSchema,
  tasks: z.array(taskSchema),
  /**
   * i18n keys in the "reader" namespace ("reader:warn.noTasks", "reader:warn.unassigned", "reader:warn.secret"…),
   * plus any plain-text notes from file extraction; show them with t(key).
   */
  warnings: z.array(z.string()),
  /** Dispatches this one amends, extends, replaces, repeals or recalls (src/dispatch/amends.ts; issue 12). */
  amends: z.array(amendmentSchema).optional(),
});
export type ParsedDispatch = z.infer<typeof parsedDispatchSchema>;

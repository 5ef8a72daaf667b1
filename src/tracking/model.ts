import type { ConfidenceMark } from "./confidence.js";
import type { ChatId } from "../chat/port.js";
import type { DocHeader, Recurrence } from "../dispatch/schema.js";

/** Plain domain records shared by the tracking use cases and the storage layer that persists them. */

export type Role = "admin" | "leader" | "secretary" | "officer";
export const ROLES: readonly Role[] = ["admin", "leader", "secretary", "officer"];
export type AssigneeRole = "lead" | "coordinate";
/** "recalled": withdrawn by a leader or a recalling dispatch (thu hồi, issue 12): out of reports and reminders. */
export type AssignmentStatus = "open" | "pending_approval" | "done" | "recalled";
export type DispatchStatus = "draft" | "confirmed" | "cancelled";

export interface Unit {
  id: number;
  displayName: string;
  key: string;
  aliases: string[];
  kinds: string[];
  level: string | null;
  parentId: number | null;
  /** Set once the unit is dissolved or merged away (kept for history, never matched). */
  retiredAt?: Date;
}

export interface Person {
  id: number;
  userId: string;
  name: string;
  roles: Role[];
  unitId: number | null;
  lang: string;
}

export interface ChatBinding {
  chatId: ChatId;
  unitId: number;
  active: boolean;
  title: string | null;
}

/** How one name written in a dispatch was understood against the unit directory. */
export type ResolvedAssignee =
  | { name: string; role: AssigneeRole; match: "unit"; unitIds: [number] }
  | { name: string; role: AssigneeRole; match: "collective"; unitIds: number[]; kinds: string[] }
  | { name: string; role: AssigneeRole; match: "generic"; unitIds: [] }
  | { name: string; role: AssigneeRole; match: "unmatched"; unitIds: []; suggestions: number[] };

export interface DraftItem {
  seq: number;
  ref: string;
  text: string;
  assignees: ResolvedAssignee[];
  deadlineDate: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  dropped: boolean;
  /** Fields guessed rather than read (src/tracking/confidence.ts); absent: none. */
  marks?: ConfidenceMark[];
}

export interface DispatchRecord {
  id: number;
  status: DispatchStatus;
  doc: DocHeader;
  fileHash: string | null;
  fileName: string | null;
  forwardedBy: string;
  forwardChat: ChatId | null;
  warnings: string[];
  createdAt: Date;
}

export interface Draft extends DispatchRecord {
  items: DraftItem[];
}

/** An assignment with what replies, reminders and reports need to know about its task and dispatch. */
export interface AssignmentView {
  id: number;
  taskId: number;
  unitId: number;
  unitName: string;
  role: AssigneeRole;
  status: AssignmentStatus;
  deadlineDate: string | null;
  recurrence: Recurrence | null;
  completedAt: Date | null;
  lastReportAt: Date | null;
  lastReportText: string | null;
  taskRef: string;
  taskText: string;
  taskStatus: "open" | "done";
  occurrence: number;
  dispatchId: number;
  dispatchNumber: string | null;
  dispatchSubject: string | null;
  forwardChat: ChatId | null;
}

import type { Translate } from "../i18n.js";
import type { ActionResult } from "./button-action.js";
import { displayDay, officeDay } from "./office-day.js";
import type { ReplyResult, TaskRef } from "./record-reply.js";

/**
 * What the bot answers in the chat after a reply or a button press (plain text; adapters escape it). Null: say
 * nothing (chatter not meant for the bot, a redelivered event).
 */
export function replyText(result: ReplyResult, t: Translate): string | null {
  const ref = (task: TaskRef) => ({ ref: task.ref, number: task.number ?? "", unit: task.unit });
  switch (result.code) {
    case "ignored":
    case "duplicate_event":
      return null;
    case "unknown_message":
      return t("tracking:reply.unknownMessage");
    case "no_target":
      return t("tracking:reply.noTarget");
    case "which_task":
      return t("tracking:reply.whichTask", { count: result.options.length });
    case "bad_number":
      return t("tracking:reply.badNumber", { numbers: result.numbers.join(", ") });
    case "forbidden":
      return t("tracking:reply.forbidden");
    case "already_closed":
      return t("tracking:reply.alreadyClosed", { ...ref(result.task), date: result.completedAt ? displayDay(officeDay(result.completedAt)) : "" });
    case "extension_requested":
      return result.requests.map((r) => t("followup:extension.requested", { ref: r.ref, number: r.number ?? "", from: r.from ? displayDay(r.from) : t("tracking:common.noDeadline"), to: displayDay(r.to) })).join("\n");
    case "recalled":
      return t("followup:recall.replyRecalled", { ref: result.task.ref, number: result.task.number ?? "" });
    case "extension_not_later":
      return t("followup:extension.notLater", { date: displayDay(result.date), deadline: result.deadline ? displayDay(result.deadline) : "" });
    case "recorded": {
      if (result.extensionWithoutDate) return t("followup:extension.noDate");
      // Closures one line each (they may announce the next period); notes grouped: "nhiệm vụ II.1, III.4".
      const lines: string[] = [];
      const notes = new Map<string, TaskRef[]>();
      for (const { task, outcome, nextDeadline } of result.outcomes) {
        if (outcome === "closed") {
          lines.push([t("tracking:reply.done", ref(task)), ...(nextDeadline ? [t("tracking:reply.doneNext", { date: displayDay(nextDeadline) })] : [])].join(" "));
          continue;
        }
        const key = outcome === "note" ? `intent:${result.intent}` : outcome;
        notes.set(key, [...(notes.get(key) ?? []), task]);
      }
      for (const [key, tasks] of notes) {
        const vars = { ...ref(tasks[0]!), ref: tasks.map((x) => x.ref).join(", ") };
        if (key === "pending_approval") lines.push(t("tracking:reply.pendingApproval", vars));
        else if (key === "input") lines.push(t("tracking:reply.input", vars));
        else if (key === "intent:progress") lines.push(t("tracking:reply.progress", vars));
        else if (key === "intent:difficulty") lines.push(t("tracking:reply.difficulty", vars));
        else if (key === "intent:question") {
          for (const task of tasks) lines.push(t("tracking:reply.question", { ...ref(task), deadline: task.deadline ? displayDay(task.deadline) : t("tracking:common.noDeadline") }));
        } else lines.push(t("tracking:reply.unclassified"));
      }
      if (result.attachments > 0 && result.outcomes[0]) lines.push(t("tracking:reply.evidence", { count: result.attachments, ref: result.outcomes[0].task.ref }));
      return lines.join("\n");
    }
  }
}

/** The short acknowledgement shown when a button is pressed. */
export function actionText(result: ActionResult, t: Translate): string | null {
  switch (result.code) {
    case "reply": return replyText(result.result, t);
    case "approved": return t("tracking:approval.approved", { unit: result.task.unit, ref: result.task.ref });
    case "rejected": return t("tracking:approval.rejected", { ref: result.task.ref });
    case "forbidden": return t("tracking:common.forbidden");
    case "nothing_pending": return t("tracking:approval.nothing");
    case "unknown_action": return t("tracking:common.notFound");
    case "confirm": return result.result.code === "ok" ? t("tracking:confirm.ok", { tasks: result.result.tasks, units: result.result.units, posts: result.result.posts }) : t("tracking:confirm.notDraft", { status: result.result.code });
    case "cancel": return result.result.code === "cancelled" ? t("tracking:confirm.cancelled") : t("tracking:common.forbidden");
  }
}

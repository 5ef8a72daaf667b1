import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseChatId } from "../../chat/port.js";
import { evidenceFolder, evidenceName } from "../../tracking/evidence-files.js";
import { displayDay, displayOfficeDay } from "../../tracking/office-day.js";
import { recordReply, type ReplyResult } from "../../tracking/record-reply.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { enqueueAck } from "../respond.js";
import { postStatusEdit } from "./post-status.js";
import { reactionAck, taskExcerpt } from "./zalo-ack.js";

/**
 * A message in a unit's group that replies to a task post (or mentions the bot, or says "xong 3"): recorded by the
 * tracking core, then acknowledged. Where the platform can edit, the task message's status block is updated instead
 * of adding a message; questions, refusals and unclear replies get a short answer.
 */
export async function onGroupMessage(ctx: MessageContext): Promise<void> {
  const { deps, msg } = ctx;
  const result = await recordReply(deps, msg);
  if (result.code === "recorded" && msg.attachments.length > 0) await keepEvidence(deps, ctx);
  await acknowledge(ctx, result);
}

async function acknowledge(ctx: MessageContext, result: ReplyResult): Promise<void> {
  const { deps, msg, t } = ctx;
  const canEdit = deps.settings.editablePlatforms.includes(parseChatId(msg.chat).platform);
  switch (result.code) {
    case "ignored":
    case "duplicate_event":
      return;
    case "unknown_message":
      if (msg.replyTo?.fromBot || msg.mentionsBot) await ctx.reply(t("tracking:reply.unknownMessage"));
      return;
    case "no_target":
      if (result.open.length === 0) return ctx.reply(t("bot:reply.noOpenTasks"));
      return ctx.reply([t("tracking:reply.noTarget"), ...result.open.slice(0, 10).map((o) => `• [${o.number ?? ""} · ${o.ref}]${o.deadline ? ` — ${displayDay(o.deadline)}` : ""}`)].join("\n"));
    case "which_task":
      return ctx.reply(t("tracking:reply.whichTask", { count: result.options.length }));
    case "bad_number":
      return ctx.reply(t("tracking:reply.badNumber", { numbers: result.numbers.join(", ") }));
    case "forbidden":
      return ctx.reply(t("tracking:reply.forbidden"));
    case "already_closed":
      return ctx.reply(t("tracking:reply.alreadyClosed", { ref: result.task.ref, date: result.completedAt ? displayOfficeDay(result.completedAt) : "" }));
    case "extension_requested": {
      const lines = result.requests.map((r) => t("followup:extension.requested", { ref: r.ref, number: r.number ?? "", from: r.from ? displayDay(r.from) : t("tracking:common.noDeadline"), to: displayDay(r.to) }));
      return ctx.reply(lines.join("\n"));
    }
    case "recalled":
      return ctx.reply(t("followup:recall.replyRecalled", { ref: result.task.ref, number: result.task.number ?? "" }));
    case "extension_not_later":
      return ctx.reply(t("followup:extension.notLater", { date: displayDay(result.date), deadline: result.deadline ? displayDay(result.deadline) : "" }));
    case "recorded":
      break;
  }
  const { intent, outcomes } = result;
  const first = outcomes[0]!;
  if (intent === "unknown") return ctx.reply(t("tracking:reply.unclassified"));
  if (result.extensionWithoutDate) return ctx.reply(t("followup:extension.noDate"));
  if (intent === "question") {
    return ctx.reply(t("tracking:reply.question", { ref: first.task.ref, number: first.task.number ?? "", deadline: first.task.deadline ? displayDay(first.task.deadline) : t("tracking:common.noDeadline") }));
  }
  if (canEdit && msg.replyTo) {
    const edit = await postStatusEdit(deps, msg.chat, msg.replyTo.messageId, t, msg.replyTo.text);
    if (edit) {
      await enqueueAck(deps, [edit]);
      // A completion also gets a short visible answer: an edit alone goes unnoticed in a busy group (issue 10).
      if (!outcomes.some((o) => o.nextDeadline || o.outcome === "closed")) return;
    }
  }
  if (!canEdit) await enqueueAck(deps, reactionAck(msg, outcomes));
  const lines = outcomes.map((o) => {
    const vars = { unit: o.task.unit, ref: o.task.ref, number: o.task.number ?? "" };
    // Unquoted ("xong 2"), only the number named the task: say which one was taken, so a wrong number shows.
    const which = msg.replyTo ? "" : ` ${t("tracking:reply.taskText", { text: taskExcerpt(o.task.text) })}`;
    const key = o.outcome === "closed" ? "done" : o.outcome === "pending_approval" ? "pendingApproval" : o.outcome === "input" ? "input" : intent === "difficulty" ? "difficulty" : "progress";
    const next = o.nextDeadline ? ` ${t("tracking:reply.doneNext", { date: displayDay(o.nextDeadline) })}` : "";
    return t(`tracking:reply.${key}`, vars) + which + next;
  });
  await ctx.reply(lines.join("\n"));
}

/** Attachments sent with a report are the unit's evidence: kept on disk under the event's id. */
async function keepEvidence(deps: BotDeps, ctx: MessageContext): Promise<void> {
  const dir = join(deps.settings.filesDir, "evidence", evidenceFolder(ctx.msg.eventId));
  await mkdir(dir, { recursive: true });
  for (const file of ctx.msg.attachments) {
    try {
      await writeFile(join(dir, evidenceName(file.name)), await file.fetch());
    } catch (error) {
      deps.logger.warn("evidence file not kept", { error, file: file.name, chat: ctx.msg.chat });
    }
  }
}

import { type Inbound, type InboundMessage, parseChatId } from "../chat/port.js";
import { translator } from "../i18n.js";
import { hasRole } from "../tracking/deps.js";
import { parseCommand, type ParsedCommand } from "./command.js";
import { type MessageContext, messageContext } from "./context.js";
import { markHandled, RecentEvents, wasHandled, worthRemembering } from "./dedupe.js";
import type { BotDeps } from "./deps.js";
import { onAction } from "./features/actions.js";
import { addUnitCommand, languageCommand, roleCommand } from "./features/admin.js";
import {
  applyCommand, importFileCommand, importTextCommand, isSheetFile, listUnitsCommand, mergeCommand, renameCommand, retireCommand, templateCommand,
  unbindCommand,
} from "./features/directory.js";
import { bindCommand } from "./features/bind-unit.js";
import { approvalCommand } from "./features/approval-commands.js";
import { extensionCommand } from "./features/extensions.js";
import { historyCommand } from "./features/history.js";
import { applyCommand as applyAmendmentCommand, recallCommand } from "./features/amendments.js";
import { draftDecisionCommand } from "./features/draft-decision.js";
import { draftEditCommand } from "./features/draft-edit.js";
import { showHelp } from "./features/help.js";
import { ingestFile, ingestFromLeader } from "./features/ingest.js";
import { onChatEvent } from "./features/membership.js";
import { onGroupMessage } from "./features/replies.js";
import { reportCommand } from "./features/reports.js";
import { webCommand } from "./features/web-link.js";
import { answerIfQuestion } from "./features/questions.js";
import { type JoinedText, MessageJoiner } from "./message-joiner.js";
import { say } from "./respond.js";

export interface Bot {
  /** Hand every inbound event here (the adapters' InboundHandler). Never throws. */
  handle(event: Inbound): Promise<void>;
  /** Resolves when joined texts waiting for their quiet period, and their ingestion, are done (shutdown, tests). */
  idle(): Promise<void>;
}

// Below this, a leader's private message is conversation, not a dispatch.
const MIN_DISPATCH_CHARS = 40;

/**
 * The conversation layer: platform-neutral routing of inbound events to the features. Adapters stay thin (they only
 * translate), and every answer goes through the outbox.
 */
export function createBot(deps: BotDeps): Bot {
  const recent = new RecentEvents();
  const inFlight = new Set<Promise<void>>();

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }
  const joiner = new MessageJoiner<MessageContext>(
    (joined) => track(guard(joined.first.msg, () => ingestJoined(joined))),
    deps.settings.joinQuietMs,
  );

  async function ingestJoined(joined: JoinedText<MessageContext>): Promise<void> {
    const { msg, t } = joined.first;
    await ingestFromLeader(deps, msg.chat, msg.sender.id, t, { text: joined.text });
  }

  async function guard(msg: InboundMessage | null, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      deps.logger.error("handling an update failed", { error, chat: msg?.chat, event: msg?.eventId });
      if (msg) await say(deps, msg.chat, translator(deps.settings.defaultLang)("bot:error.internal")).catch(() => {});
    }
  }

  async function onCommand(ctx: MessageContext, cmd: ParsedCommand): Promise<void> {
    switch (cmd.name) {
      case "start":
      case "help": return showHelp(ctx);
      case "donvi": return bindCommand(ctx, cmd.args);
      case "baocao":
      case "quahan":
      case "chuabaocao":
      case "xuat": return reportCommand(ctx, cmd.name, cmd.args);
      case "vaitro": return roleCommand(ctx, cmd.args);
      // Several lines are several units: the import preview, never one unit with a newline in its name.
      case "themdonvi": return cmd.args.includes("\n") ? importTextCommand(ctx, cmd.args) : addUnitCommand(ctx, cmd.args);
      case "danhsachdonvi": return listUnitsCommand(ctx, cmd.args);
      case "mau": return templateCommand(ctx);
      case "nhapdonvi": return importTextCommand(ctx, cmd.args);
      // "/apdung <mã> <mã văn bản>" applies an amending dispatch (issue 12); bare "/apdung" or "/apdung huy" decides
      // the admin's pending directory import (issue 13).
      case "apdung": return /^#?\d/.test(cmd.args.trim()) ? applyAmendmentCommand(ctx, cmd.args) : applyCommand(ctx, cmd.args);
      case "doiten": return renameCommand(ctx, cmd.args);
      case "gopdonvi": return mergeCommand(ctx, cmd.args);
      case "giaithe": return retireCommand(ctx, cmd.args);
      case "bogan": return unbindCommand(ctx, cmd.args);
      case "ngonngu": return languageCommand(ctx, cmd.args);
      case "web": return webCommand(ctx, cmd.args);
      case "bo":
      case "han":
      case "giao":
      case "chuky":
        // A pasted text still waiting for its quiet period is the draft this edit means: read it first.
        joiner.flush(`${ctx.msg.chat}|${ctx.msg.sender.id}`);
        await idle();
        // The leader's newest draft comes from the database, so edits still work after a restart.
        return draftEditCommand(ctx, cmd.name, cmd.args, (await deps.store.dispatches.latestDraftId(ctx.msg.sender.id)) ?? undefined);
      case "giahan":
      case "tuchoi":
        return extensionCommand(ctx, cmd.name, cmd.args);
      case "lichsu":
        return historyCommand(ctx, cmd.args);
      case "thuhoi":
        return recallCommand(ctx, cmd.args);
      case "duyet":
      case "tralai":
        return approvalCommand(ctx, cmd.name, cmd.args);
      case "xacnhan":
      case "huy":
        joiner.flush(`${ctx.msg.chat}|${ctx.msg.sender.id}`);
        await idle();
        return draftDecisionCommand(ctx, cmd.name, (await deps.store.dispatches.latestDraftId(ctx.msg.sender.id)) ?? undefined);
    }
  }

  async function onMessage(msg: InboundMessage): Promise<void> {
    const ctx = await messageContext(deps, msg);
    const cmd = parseCommand(msg.text, deps.settings.botUsernames[parseChatId(msg.chat).platform]);
    if (cmd) return onCommand(ctx, cmd);
    if (msg.chatType === "group") return onGroupMessage(ctx);
    // "Sở Y tế còn mấy việc quá hạn?": answered from the reports, before a leader's text is taken for a dispatch.
    if (await answerIfQuestion(ctx)) return;
    const isLeader = hasRole(ctx.person, "leader");
    // A sheet from an admin is the unit directory (dispatches never come as .xlsx/.csv).
    if (msg.attachments.length > 0 && isSheetFile(msg.attachments[0]!.name) && hasRole(ctx.person, "admin")) return importFileCommand(ctx);
    if (isLeader && msg.attachments.length > 0) return ingestFile(ctx);
    if (isLeader && msg.text.trim().length >= MIN_DISPATCH_CHARS) {
      joiner.push(`${msg.chat}|${msg.sender.id}`, msg.text, ctx);
      return;
    }
    // Registered officers may also report from a private chat (their unit is known).
    if (ctx.person?.unitId != null && msg.text.trim()) return onGroupMessage(ctx);
    // A secretary is answered as one (issue 12), not told she has no role.
    if (!isLeader && hasRole(ctx.person, "secretary")) return ctx.reply(ctx.t("followup:private.secretaryHint"));
    await ctx.reply(ctx.t(isLeader ? "bot:private.leaderHint" : "bot:private.hint", { id: msg.sender.id }));
  }

  async function dispatch(event: Inbound): Promise<void> {
    if (event.kind === "message") return guard(event, () => onMessage(event));
    if (event.kind === "action") {
      return guard(null, async () => {
        try {
          await onAction(deps, event);
        } catch (error) {
          await event.answer(translator(deps.settings.defaultLang)("bot:error.internal")).catch(() => {});
          throw error;
        }
      });
    }
    return guard(null, () => onChatEvent(deps, event));
  }

  return {
    async handle(event) {
      if (!recent.firstTime(event.eventId)) return;
      const remember = worthRemembering(event);
      if (remember && (await wasHandled(deps, event.eventId).catch(() => false))) return;
      await dispatch(event);
      if (remember) await markHandled(deps, event.eventId).catch((error: unknown) => deps.logger.warn("event not marked handled", { error, event: event.eventId }));
    },
    async idle() {
      joiner.flushAll();
      await idle();
    },
  };
}

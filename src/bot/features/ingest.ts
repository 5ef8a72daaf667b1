import { createHash } from "node:crypto";
import type { ChatId } from "../../chat/port.js";
import type { ParsedDispatch } from "../../dispatch/schema.js";
import { describeIngestError, isIngestError } from "../../ingest/index.js";
import { isLang, type Lang, type Translate } from "../../i18n.js";
import { officeDay } from "../../tracking/office-day.js";
import { ingestDraft, type IngestResult } from "../../tracking/ingest-draft.js";
import type { MessageContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { say } from "../respond.js";
import { previewOptions, renderPreview } from "./preview.js";
import { startReadingProgress } from "./reading-progress.js";
import { warningText } from "./warning-text.js";

export interface DispatchSource {
  text: string;
  /** The reader's result when the file was already read (in the file-reading worker). */
  parsed?: ParsedDispatch;
  fileName?: string;
  fileHash?: string;
  warnings?: string[];
  /** Pages were read by OCR. */
  ocr?: boolean;
}

/**
 * A leader's dispatch (joined text or a file's text) → reader → draft → preview card. Nothing is fanned out here:
 * the leader confirms from the card. Every refusal (secret stamp, no tasks, duplicate) is explained.
 */
export async function ingestFromLeader(deps: BotDeps, chat: ChatId, by: string, t: Translate, source: DispatchSource): Promise<IngestResult> {
  const parsed = source.parsed ?? deps.readDispatch(source.text, officeDay(deps.clock.now()));
  parsed.warnings.push(...(source.warnings ?? []));
  const result = await ingestDraft(deps, {
    parsed,
    forwardedBy: by,
    chat,
    rawText: source.text,
    fileHash: source.fileHash ?? sha256(source.text),
    ...(source.fileName ? { fileName: source.fileName } : {}),
    ...(source.ocr ? { ocr: true } : {}),
  });
  switch (result.code) {
    case "ok": {
      const { text, buttons } = renderPreview(result.draft, result.unmatched, t, await previewOptions(deps, result.draft.id));
      await say(deps, chat, text, { buttons });
      break;
    }
    case "forbidden": await say(deps, chat, t("tracking:ingest.forbidden")); break;
    case "secret": await say(deps, chat, t("tracking:ingest.secret", { secrecy: result.secrecy })); break;
    case "no_tasks": await say(deps, chat, [t("tracking:ingest.noTasks"), ...result.warnings.map((w) => `• ${warningText(w, t)}`)].join("\n")); break;
    case "duplicate": await say(deps, chat, t("tracking:ingest.duplicate", { id: result.dispatchId, status: t(`bot:status.${result.status}`) })); break;
  }
  return result;
}

/** A file forwarded by a leader: size check before download, then extraction with a progress note. */
export async function ingestFile(ctx: MessageContext): Promise<void> {
  const { deps, msg, t } = ctx;
  const file = msg.attachments[0]!;
  if (file.size !== undefined && file.size > deps.settings.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return ctx.reply(t("ingest:error.too_large", { file: file.name, sizeMb: mb(file.size), maxMb: mb(deps.settings.maxFileBytes) }));
  }
  const progress = await startReadingProgress(deps, msg.chat, t, file.name, msg.chatType === "group" ? msg.messageId : undefined);
  try {
    const bytes = await file.fetch();
    const extracted = await deps.extractText(bytes, file.name, { onProgress: progress.onProgress, lang: langOf(t), refDate: officeDay(deps.clock.now()) });
    await progress.settled();
    await ingestFromLeader(deps, msg.chat, msg.sender.id, t, {
      text: extracted.text,
      ...(extracted.parsed ? { parsed: extracted.parsed } : {}),
      fileName: file.name,
      fileHash: extracted.source.sha256,
      warnings: extracted.warnings,
      ocr: extracted.source.ocrPages > 0,
    });
  } catch (error) {
    await progress.settled();
    if (isIngestError(error)) return ctx.reply(describeIngestError(error, t));
    deps.logger.error("reading a file failed", { error, file: file.name, chat: msg.chat });
    await ctx.reply(t("bot:ingest.failed", { file: file.name }));
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text.normalize("NFC").replace(/\s+/g, " ").trim()).digest("hex");
}

/** The translator's language, so file warnings come in the language the preview is shown in. */
function langOf(t: Translate): Lang {
  const lng = (t as { lng?: unknown }).lng;
  return isLang(lng) ? lng : "vi";
}

import { outboxRef } from "../../chat/outbox.js";
import { type ChatId, parseChatId } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import { describeProgress, type IngestProgress } from "../../ingest/index.js";
import type { BotDeps } from "../deps.js";
import { say, textItems } from "../respond.js";

/**
 * The "Đang đọc văn bản…" message while a file is read (decision 0302). Where messages can be edited (Telegram) it is
 * edited through the outbox, naming the item it was sent as (outboxRef): at most every `progressEveryMs`, and only
 * when the text changes. Where they cannot (Zalo) nothing is repeated: one "still reading" note once OCR runs long.
 * Elapsed time comes from the injected clock (real time in production), so tests pace it without waiting on the wall
 * clock (a progress test once failed under load, issue 10).
 */
export interface ReadingProgress {
  onProgress(progress: IngestProgress): void;
  /** Waits for the notes and edits written so far (call before the preview, so it comes after them). */
  settled(): Promise<void>;
}

export async function startReadingProgress(deps: BotDeps, chat: ChatId, t: Translate, fileName: string, replyTo?: string): Promise<ReadingProgress> {
  const items = textItems(deps, chat, t("bot:ingest.reading", { file: fileName }), replyTo ? { replyTo } : {});
  const ids = await deps.store.outbox.enqueue(items);
  deps.wakeDelivery?.();
  const editable = deps.settings.editablePlatforms.includes(parseChatId(chat).platform);
  const messageId = Array.isArray(ids) && ids.length === 1 ? outboxRef(ids[0]!) : undefined;
  const every = deps.settings.progressEveryMs ?? 2_500;
  const stillAfter = deps.settings.stillReadingAfterMs ?? 20_000;
  const elapsed = () => deps.clock.now().getTime();
  const started = elapsed();
  let lastAt = started;
  let lastText = "";
  let noted = false;
  let writes: Promise<void> = Promise.resolve();
  const write = (work: () => Promise<void>) => {
    writes = writes.then(work).then(() => deps.wakeDelivery?.()).catch((error: unknown) => deps.logger.warn("reading progress not sent", { error, chat }));
  };

  return {
    onProgress(progress) {
      const now = elapsed();
      if (editable) {
        if (!messageId || now - lastAt < every) return;
        const text = describeProgress(progress, t);
        if (text === lastText) return;
        lastAt = now;
        lastText = text;
        write(() => deps.store.outbox.enqueue([{ chat, payload: { op: "edit", messageId, text }, purpose: { type: "notice" } }]).then(() => {}));
        return;
      }
      if (noted || progress.stage !== "ocr" || now - started < stillAfter) return;
      noted = true;
      write(() => say(deps, chat, t("bot:ingest.stillReading", { file: fileName })));
    },
    settled: () => writes,
  };
}

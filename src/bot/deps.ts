import type { ChatId, Platform } from "../chat/port.js";
import type { ParsedDispatch } from "../dispatch/schema.js";
import type { Lang } from "../i18n.js";
import type { ExtractedText, IngestProgress } from "../ingest/index.js";
import type { Logger } from "../logger.js";
import type { ReportIssuer } from "../reports/render-docx.js";
import type { TrackingDeps } from "../tracking/deps.js";

/**
 * What the conversation layer needs. It turns platform-neutral inbound events into tracking use cases and answers
 * through the outbox; it never sees a platform SDK, and the composition root (src/main.ts) supplies everything here.
 */
export interface BotDeps extends TrackingDeps {
  logger: Logger;
  /** The reader: pure, so the reference date is passed in. */
  readDispatch(text: string, refDate: string): ParsedDispatch;
  /**
   * Files → text (.docx, .pdf, images). Throws IngestError with a user-facing code on bad files. Given `refDate`, it
   * may also read the dispatch (`parsed`) within the same time limit, off the event loop (src/intake/read-file.ts).
   */
  extractText(
    bytes: Uint8Array,
    fileName: string,
    options?: { onProgress?: (progress: IngestProgress) => void; lang?: Lang; refDate?: string },
  ): Promise<ExtractedText & { parsed?: ParsedDispatch }>;
  settings: BotSettings;
  /** Wakes the delivery worker while a long handler runs (progress edits must not wait for the handler's end). */
  wakeDelivery?(): void;
}

export interface BotSettings {
  defaultLang: Lang;
  /** The bot's own @username per platform, so "/baocao@other_bot" is not taken as ours. */
  botUsernames: Partial<Record<Platform, string>>;
  /** Longest text one message may carry, per platform (Telegram 4,096; Zalo default 2,000). */
  maxMessageLength: Record<Platform, number>;
  /** Largest file read from chat, in bytes. */
  maxFileBytes: number;
  /** Where generated files (.xlsx reports) and evidence attachments are written. */
  filesDir: string;
  /** How long to wait for the next part of a pasted text split by the platform. */
  joinQuietMs: number;
  /** Platforms whose adapters can edit sent messages (status updates replace acknowledgements there). */
  editablePlatforms: Platform[];
  /** "Đang đọc văn bản..." is edited at most this often while a file is read (default 2,500 ms). */
  progressEveryMs?: number;
  /** The web dashboard's public address (WEB_PUBLIC_URL); unset: /web says the dashboard is off. */
  webPublicUrl?: string;
  /** Who issues the official .docx report (OFFICE_* in the environment); default: "VĂN PHÒNG". */
  reportIssuer?: ReportIssuer;
  /** Where messages cannot be edited (Zalo): one "still reading" note once OCR has run this long (default 20 s). */
  stillReadingAfterMs?: number;
}

/** The private chat with a person, from their user id ("telegram:123" → "telegram:123"; "zalo:9" → "zalo:u:9"). */
export function privateChatOf(userId: string): ChatId {
  return userId.startsWith("zalo:") ? `zalo:u:${userId.slice(5)}` : userId;
}

import type { AttachmentSource, SendMessageQuote } from "zca-js";
import type { Button, OutgoingFile } from "../../chat/port.js";
import type { Translate } from "../../i18n.js";
import type { ZaloMessageSnapshot } from "./message-memory.js";

/**
 * What a button means as a typed reply (e.g. "xong 3"). Zalo has no inline buttons through zca-js, so each button
 * becomes a numbered line under the text; the core, which knows what a button's data stands for, supplies the reply
 * to show. Without it the button's label is shown.
 */
export type ButtonHint = (button: Button) => string | undefined;

export function renderText(
  text: string,
  buttons: Button[][] | undefined,
  hint: ButtonHint | undefined,
  t: Translate,
): string {
  const flat = (buttons ?? []).flat();
  if (flat.length === 0) return text;
  const lines = flat.map((button, i) => t("zalo:button-line", { n: i + 1, hint: hint?.(button) ?? button.label }));
  return `${text}\n\n${t("zalo:buttons-header")}\n${lines.join("\n")}`;
}

/** zca-js builds the quote block from the quoted message's own fields. */
export function quoteOf(snapshot: ZaloMessageSnapshot): SendMessageQuote {
  return {
    content: snapshot.content,
    msgType: snapshot.msgType,
    propertyExt: snapshot.propertyExt,
    uidFrom: snapshot.uidFrom,
    msgId: snapshot.msgId,
    cliMsgId: snapshot.cliMsgId,
    ts: snapshot.ts,
    ttl: snapshot.ttl,
  };
}

/** A file from memory. zca-js picks the upload kind (image, video, document) from the name's extension: keep one. */
export function attachmentOf(file: OutgoingFile): AttachmentSource {
  const name = file.name.replace(/[/\\]/g, "_");
  const filename = (/\.[A-Za-z0-9]+$/.test(name) ? name : `${name || "tep"}.bin`) as `${string}.${string}`;
  return { data: Buffer.from(file.bytes), filename, metadata: { totalSize: file.bytes.byteLength } };
}

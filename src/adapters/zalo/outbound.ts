import { imageSize } from "image-size";
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

/**
 * A file from memory. zca-js picks the upload kind (image, video, document) from the name's extension, lower-cased,
 * but decides whether the text can ride along as the image's caption from the extension as written (".JPG" would go
 * out as two messages): the extension is lower-cased here. An image from a buffer carries no size unless given: its
 * width and height are read from the image itself (zca-js sends them with the photo; without them Zalo shows it
 * broken).
 */
export function attachmentOf(file: OutgoingFile): AttachmentSource {
  const name = file.name.replace(/[/\\]/g, "_");
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1];
  const filename = (ext ? `${name.slice(0, -ext.length)}${ext.toLowerCase()}` : `${name || "tep"}.bin`) as `${string}.${string}`;
  const data = Buffer.from(file.bytes);
  const metadata: { totalSize: number; width?: number; height?: number } = { totalSize: file.bytes.byteLength };
  if (ext && IMAGE_EXTS.has(ext.toLowerCase())) {
    try {
      const { width, height } = imageSize(data);
      metadata.width = width;
      metadata.height = height;
    } catch {
      // not a readable image: zca-js still uploads it; Zalo shows it without a preview size
    }
  }
  return { data, filename, metadata };
}

const IMAGE_EXTS = new Set(["jpg", "jpeg", "png", "webp"]);

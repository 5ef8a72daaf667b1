/**
 * Telegram's HTML parse mode, strictly: the fake server renders what people would see and refuses what Telegram
 * refuses ("can't parse entities"), so a missing escape fails a test instead of passing silently.
 */
export interface RenderedText {
  text: string;
  entities: Array<{ type: string; offset: number; length: number; url?: string }>;
}

const TAGS: Record<string, string> = {
  b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough", code: "code", pre: "pre",
  a: "text_link", "tg-spoiler": "spoiler", blockquote: "blockquote", span: "spoiler", "tg-emoji": "custom_emoji",
};
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export class EntityParseError extends Error {}

export function renderHtml(source: string): RenderedText {
  let text = "";
  const entities: RenderedText["entities"] = [];
  const open: Array<{ tag: string; offset: number; url?: string }> = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new EntityParseError(`Bad Request: can't parse entities: ${why} at byte offset ${Buffer.byteLength(source.slice(0, i))}`);
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "&") {
      const m = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(source.slice(i));
      if (!m) fail("Can't find end of the entity starting");
      const name = m![1]!;
      if (name.startsWith("#x") || name.startsWith("#X")) text += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith("#")) text += String.fromCodePoint(parseInt(name.slice(1), 10));
      else if (NAMED[name.toLowerCase()] !== undefined) text += NAMED[name.toLowerCase()];
      else fail(`Unknown entity "${name}"`);
      i += m![0].length;
    } else if (ch === "<") {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+\s*=\s*"[^"]*")*)\s*>/i.exec(source.slice(i));
      if (!m) fail("Unclosed start tag");
      const [whole, closing, rawTag, attrs] = m!;
      const tag = rawTag!.toLowerCase();
      if (!(tag in TAGS)) fail(`Unsupported start tag "${tag}"`);
      if (closing) {
        const top = open.pop();
        if (!top || top.tag !== tag) fail(`Can't find end tag corresponding to start tag "${top?.tag ?? tag}"`);
        if (text.length > top!.offset) {
          entities.push({ type: TAGS[tag]!, offset: top!.offset, length: text.length - top!.offset, ...(top!.url ? { url: top!.url } : {}) });
        }
      } else {
        const href = /href\s*=\s*"([^"]*)"/i.exec(attrs ?? "")?.[1];
        open.push({ tag, offset: text.length, ...(href ? { url: href } : {}) });
      }
      i += whole.length;
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);
  return { text, entities: entities.sort((a, b) => a.offset - b.offset) };
}

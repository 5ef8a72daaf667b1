/**
 * Splits chat text into messages of at most `max` characters (Telegram's limit is 4,096). Lines are kept whole
 * whenever they fit; a longer line is cut at a space, or hard as a last resort. An indented line belongs to the line
 * above it (a report's "   Sở Y tế (chủ trì) · hạn …" under its task): rather than open a message, it takes that
 * block along when the block fits. Blank lines at a chunk's edge are dropped. Lengths count UTF-16 code units, as
 * Telegram does.
 */
export function splitIntoChunks(text: string, max = 4096): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const chunks: string[] = [];
  let current = "";
  // Where the current block (a line not indented, then its indented lines) starts in `current`.
  let blockStart = 0;
  const flush = (upTo = current.length) => {
    const trimmed = current.slice(0, upTo).replace(/^\n+|\n+$/g, "");
    if (trimmed.length > 0) chunks.push(trimmed);
    current = current.slice(upTo).replace(/^\n/, "");
    blockStart = 0;
  };
  for (const line of text.split("\n")) {
    const indented = /^\s/.test(line);
    for (const piece of cutLine(line, max)) {
      const next = current.length === 0 ? piece : `${current}\n${piece}`;
      if (next.length <= max) {
        if (!indented && current.length > 0) blockStart = current.length;
        current = next;
      } else if (indented && blockStart > 0 && next.length - blockStart <= max) {
        // The block moves to the next message whole, its head with it.
        flush(blockStart);
        current = `${current}\n${piece}`;
      } else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return chunks;
}

function cutLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let at = rest.lastIndexOf(" ", max);
    if (at <= 0) at = max;
    // Never split a surrogate pair (emoji) in two.
    if (at === max && /[\uD800-\uDBFF]/.test(rest[at - 1] ?? "")) at--;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, "");
  }
  pieces.push(rest);
  return pieces;
}

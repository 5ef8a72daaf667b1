/**
 * Splits chat text into messages of at most `max` characters (Telegram's limit is 4,096). Lines are kept whole
 * whenever they fit; a longer line is cut at a space, or hard as a last resort. Blank lines at a chunk's edge are
 * dropped. Lengths count UTF-16 code units, as Telegram does.
 */
export function splitIntoChunks(text: string, max = 4096): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    const trimmed = current.replace(/^\n+|\n+$/g, "");
    if (trimmed.length > 0) chunks.push(trimmed);
    current = "";
  };
  for (const line of text.split("\n")) {
    for (const piece of cutLine(line, max)) {
      const next = current.length === 0 ? piece : `${current}\n${piece}`;
      if (next.length <= max) current = next;
      else { flush(); current = piece; }
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

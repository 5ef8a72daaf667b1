/** One line of user text: whitespace collapsed, cut at a word boundary to `max` characters with "…". */
export function clip(text: string, max: number): string {
  const flat = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, "").trimEnd()}…`;
}

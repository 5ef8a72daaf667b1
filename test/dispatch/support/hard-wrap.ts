/** Hard-wraps every long line at `width` columns, as text extracted from a PDF often is. */
export function hardWrap(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const out: string[] = [];
      let cur = "";
      for (const w of line.split(/\s+/u).filter(Boolean)) {
        if (cur && cur.length + 1 + w.length > width) (out.push(cur), (cur = w));
        else cur = cur ? `${cur} ${w}` : w;
      }
      if (cur) out.push(cur);
      return out;
    })
    .join("\n");
}

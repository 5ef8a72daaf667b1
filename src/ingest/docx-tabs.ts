/**
 * Header and signature blocks typed with tabs instead of a table ("ỦY BAN NHÂN DÂN⇥⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
 * a run of such lines is written left column first, then right, as PDF and table layouts are. Only at the top of the
 * document and from "Nơi nhận" on, and never when the left part is an item number ("1.⇥Nội dung").
 */
const HEADER_LINES = 12;
const MARKER = /^([0-9]+(\.[0-9]+)*|[a-zđ]|[IVXLC]+)[.)]?$|^[-+•*]$/u;

export function untabColumns(lines: string[]): string[] {
  const closing = lines.findIndex((l) => /^\s*Nơi nhận/iu.test(l));
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const eligible = i < HEADER_LINES || (closing >= 0 && i >= closing);
    const run: [string, string][] = [];
    let j = i;
    for (; eligible && j < lines.length; j++) {
      const parts = split(lines[j]!);
      if (!parts) break;
      run.push(parts);
    }
    if (run.length >= 2 && run.some(([l, r]) => l && r)) {
      out.push(...run.map(([l]) => l).filter(Boolean), ...run.map(([, r]) => r).filter(Boolean));
      i = j;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}

/** [left, right] of a line with a tab gap; null for a line without one or whose left part is an item number. */
function split(line: string): [string, string] | null {
  const match = /^([^\t]*?)[ ]*\t[\t ]*(.*)$/u.exec(line);
  if (!match) return null;
  const left = match[1]!.trim();
  const right = match[2]!.replace(/\t+/g, " ").trim();
  if (MARKER.test(left)) return null;
  return [left, right];
}

/**
 * PDF text items → lines, pure. Items on one baseline form a line; a wide gap splits it into segments. Runs of lines
 * that are split in two (the header "ĐẢNG BỘ TỈNH ... | ĐẢNG CỘNG SẢN VIỆT NAM", the closing "Nơi nhận | TM. ...") are
 * written left column first, then right. Page numbers and running headers/footers are dropped; wrapped lines stay as
 * lines (the reader joins them); a paragraph gap becomes an empty line.
 */
export interface TextItem {
  str: string;
  x: number;
  /** Baseline, PDF units from the bottom of the page. */
  y: number;
  width: number;
  height: number;
}

export interface PageItems {
  items: TextItem[];
  width: number;
  height: number;
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  y: number;
  size: number;
  segments: Segment[];
}

const PAGE_NUMBER = /^[-–—\s]*(trang\s*)?\d{1,4}(\s*(\/|trên)\s*\d{1,4})?[-–—\s]*$/iu;

/** One text per page (running headers are found across pages, so all pages are laid out together). */
export function layoutPages(pages: PageItems[]): string[] {
  const lined = pages.map((page) => ({ page, lines: toLines(page.items) }));
  const repeated = repeatedEdges(lined.map((p) => p.lines));
  return lined.map(({ page, lines }) => pageText(dropEdges(lines, page, repeated)));
}

function toLines(items: TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of sorted) {
    const size = item.height || 10;
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) < size * 0.45);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows
    .map((row) => {
      row.sort((a, b) => a.x - b.x);
      const size = Math.max(...row.map((i) => i.height || 0)) || 10;
      const segments: Segment[] = [];
      let current: Segment | undefined;
      for (const item of row) {
        const gap = current ? item.x - current.x1 : 0;
        if (!current || gap > size * 2.5) {
          if (item.str.trim() === "") continue;
          current = { x0: item.x, x1: item.x + item.width, text: item.str };
          segments.push(current);
          continue;
        }
        const needsSpace = gap > size * 0.15 && !current.text.endsWith(" ") && !item.str.startsWith(" ");
        current.text += (needsSpace ? " " : "") + item.str;
        current.x1 = Math.max(current.x1, item.x + item.width);
      }
      for (const s of segments) s.text = s.text.replace(/\s+/g, " ").trim();
      return { y: row[0]!.y, size, segments: segments.filter((s) => s.text) };
    })
    .filter((l) => l.segments.length > 0)
    .sort((a, b) => b.y - a.y);
}

const lineText = (line: Line): string => line.segments.map((s) => s.text).join(" ");
const edgeKey = (line: Line): string => lineText(line).toLowerCase().replace(/\d+/g, "#");

/** Text of lines that recur at the top or bottom of most pages: running headers and footers. */
function repeatedEdges(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(edgeKey));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key));
}

function dropEdges(lines: Line[], page: PageItems, repeated: Set<string>): Line[] {
  const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
  return lines.filter((line) => {
    if (!edge.has(line)) return true;
    if (PAGE_NUMBER.test(lineText(line))) return false;
    const nearEdge = line.y > page.height * 0.85 || line.y < page.height * 0.15;
    return !(nearEdge && repeated.has(edgeKey(line)));
  });
}

function pageText(lines: Line[]): string {
  const out: string[] = [];
  const spacing = medianSpacing(lines);
  for (let i = 0; i < lines.length; ) {
    const zone = columnZone(lines, i);
    const gap = i > 0 && lines[i - 1]!.y - lines[i]!.y > spacing * 1.3;
    if (out.length > 0 && gap) out.push("");
    if (zone) {
      if (out.length > 0 && out.at(-1) !== "") out.push("");
      for (const side of [zone.left, zone.right]) out.push(...side);
      out.push("");
      i = zone.end;
      continue;
    }
    const text = lineText(lines[i]!);
    if (!gap && out.at(-1) && isWrappedNumber(out.at(-1)!, text)) out[out.length - 1] += ` ${text}`;
    else out.push(text);
    i++;
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * A line wrapped inside a sentence right before a document number ("Chỉ thị số\n43-CT/TW", "Công văn số\n846/UBND-TH"):
 * the reader would take "43-" for an item number, so such a line is joined to the previous one when that one has not
 * ended its sentence. Other wrapped lines stay lines; the reader joins them.
 */
const NUMBER_START = /^\d{1,5}[-/]\p{Lu}/u;
function isWrappedNumber(previous: string, text: string): boolean {
  return NUMBER_START.test(text) && !/[.:;!?]["”)]?$/.test(previous);
}

function medianSpacing(lines: Line[]): number {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)] ?? 14;
}

/**
 * A two-column block starting at line `start`: it must begin with a line split in exactly two segments, and goes on
 * while every segment stays on its side: left segments end before the right column's leftmost start, right ones start
 * after the left column's widest line. A line crossing over (the "Kính gửi" line, body text) ends it.
 */
function columnZone(lines: Line[], start: number): { left: string[]; right: string[]; end: number } | null {
  const first = lines[start]!;
  if (first.segments.length !== 2) return null;
  const boundary = (first.segments[0]!.x1 + first.segments[1]!.x0) / 2;
  let leftEdge = first.segments[0]!.x1;
  let rightEdge = first.segments[1]!.x0;
  const left: string[] = [];
  const right: string[] = [];
  let end = start;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (end > start && line.y < lines[end - 1]!.y - line.size * 4) break; // a wide vertical gap ends the block
    const l = line.segments.filter((s) => (s.x0 + s.x1) / 2 < boundary);
    const r = line.segments.filter((s) => (s.x0 + s.x1) / 2 >= boundary);
    if (l.some((s) => s.x1 > rightEdge) || r.some((s) => s.x0 < leftEdge)) break;
    leftEdge = Math.max(leftEdge, ...l.map((s) => s.x1));
    rightEdge = Math.min(rightEdge, ...r.map((s) => s.x0));
    left.push(...l.map((s) => s.text));
    right.push(...r.map((s) => s.text));
  }
  return { left, right, end };
}

/**
 * Word tables → lines the reader understands. A task table (STT · Nội dung · Đơn vị chủ trì · Đơn vị phối hợp · Thời
 * gian hoàn thành) becomes one numbered item per row in the dispatch's own phrasing: "N. <nội dung>. <X> chủ trì,
 * phối hợp <Y>. Thời gian hoàn thành: <...>.". Layout tables (the two-column header, the signature block) are read
 * column by column, left before right; other tables row by row.
 */
export interface Cell {
  lines: string[];
  colSpan: number;
  rowSpan: number;
}

type Column = "stt" | "content" | "lead" | "coordinate" | "deadline" | "other";

export function tableLines(rows: Cell[][]): string[] {
  const grid = expand(rows);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const header = findHeader(grid);
  if (header) return taskLines(grid, header.row, header.columns);
  if (width <= 2) {
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      const seen = new Set<Cell>();
      for (const row of grid) {
        const cell = row[c];
        if (cell && !seen.has(cell)) out.push(...cell.lines);
        if (cell) seen.add(cell);
      }
    }
    return out;
  }
  return grid.map((row) => distinct(row).map(text).filter(Boolean).join("; ")).filter(Boolean);
}

/** One cell object per grid position: merged cells (colSpan, rowSpan) repeat where they extend. */
function expand(rows: Cell[][]): (Cell | undefined)[][] {
  const grid: (Cell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan) && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) grid[r + dr]![c + dc] = cell;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  return grid;
}

const text = (cell: Cell | undefined): string => (cell ? cell.lines.join(" ").replace(/\s+/g, " ").trim() : "");
const distinct = (row: (Cell | undefined)[]): Cell[] => [...new Set(row.filter((c): c is Cell => !!c))];

function classify(label: string): Column {
  const l = label.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(stt|tt|số tt|số thứ tự)\.?$/.test(l)) return "stt";
  if (l.includes("phối hợp")) return "coordinate";
  if (/thời gian|thời hạn|hoàn thành|tiến độ|thời điểm/.test(l)) return "deadline";
  if (/chủ trì|đơn vị|cơ quan|trách nhiệm|thực hiện/.test(l)) return "lead";
  if (/nội dung|công việc|nhiệm vụ|giải pháp|hoạt động|^tên/.test(l)) return "content";
  return "other";
}

function findHeader(grid: (Cell | undefined)[][]): { row: number; columns: Column[] } | null {
  for (let r = 0; r < Math.min(3, grid.length); r++) {
    const row = grid[r]!;
    // A second header row ("Đơn vị" over "Chủ trì" | "Phối hợp") refines the first.
    const next = grid[r + 1] ?? [];
    const own = next.map((c, i) => (c && c !== row[i] ? text(c) : null)).filter((t): t is string => t !== null && t !== "");
    const sub = own.length > 0 && own.every((t) => t.length < 40 && classify(t) !== "other");
    const labels = row.map((c, i) => `${text(c)}${sub && next[i] !== c ? ` ${text(next[i])}` : ""}`);
    const columns = labels.map((l) => (l.length > 60 ? "other" : classify(l)));
    if (columns.includes("content") && (columns.includes("lead") || columns.includes("coordinate"))) {
      return { row: sub ? r + 1 : r, columns };
    }
  }
  return null;
}

function taskLines(grid: (Cell | undefined)[][], headerRow: number, columns: Column[]): string[] {
  const out: string[] = [];
  let index = 0;
  for (const row of grid.slice(headerRow + 1)) {
    const cells = distinct(row);
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      out.push(text(cells[0])); // a section row merged across the table ("I. Lĩnh vực ...")
      continue;
    }
    const field = (kind: Column, separator: string): string => {
      const used = new Set<Cell>();
      const parts: string[] = [];
      columns.forEach((col, i) => {
        const cell = row[i];
        if (col !== kind || !cell || used.has(cell)) return;
        used.add(cell);
        parts.push(...cell.lines.map(trimEnd).filter(Boolean));
      });
      return parts.join(separator);
    };
    const content = field("content", " ");
    const lead = field("lead", ", ");
    const coordinate = field("coordinate", ", ");
    const deadline = field("deadline", " ");
    if (!content && !lead) continue;
    index++;
    const sentences = [`${label(field("stt", " "), index)} ${trimEnd(content)}.`];
    if (lead) sentences.push(coordinate ? `${lead} chủ trì, phối hợp ${coordinate}.` : `${lead} chủ trì.`);
    else if (coordinate) sentences.push(`Phối hợp ${coordinate}.`);
    if (deadline) sentences.push(`Thời gian hoàn thành: ${trimEnd(deadline)}.`);
    out.push(sentences.join(" "));
  }
  return out;
}

function trimEnd(s: string): string {
  return s.replace(/[\s.,;:]+$/u, "").trim();
}

/** The row's own STT when it is a number ("1", "1.2", "II", "a"), else the running index. */
function label(stt: string, index: number): string {
  const s = stt.trim().replace(/[.)]$/, "");
  if (/^\d+(\.\d+)*$/.test(s) || /^[IVXLC]+$/.test(s)) return `${s}.`;
  if (/^[a-zđ]$/.test(s)) return `${s})`;
  return `${index}.`;
}

import mammoth from "mammoth";
import { NumberingCounter, prepareNumbering } from "./docx-numbering.js";
import { tableLines, type Cell } from "./docx-table.js";
import { untabColumns } from "./docx-tabs.js";

/**
 * .docx → text through mammoth's document model: paragraphs one per line with Word's automatic numbering written out,
 * tables through docx-table.ts. The zip was already read and bounded by zip.ts; mammoth gets those entries.
 */
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  breakType?: string;
  numbering?: { level: string; isOrdered: boolean; paragraphStyleId?: string | null } | null;
  colSpan?: number;
  rowSpan?: number;
}

export async function docxToText(files: Map<string, Uint8Array>): Promise<string> {
  const entries = new Map(files);
  const numberingPath = findNumberingPath(entries);
  let counter = new NumberingCounter({ nums: new Map(), abstracts: new Map(), styleLevels: new Map() });
  if (numberingPath) {
    const prepared = prepareNumbering(new TextDecoder().decode(entries.get(numberingPath)));
    entries.set(numberingPath, new TextEncoder().encode(prepared.xml));
    counter = new NumberingCounter(prepared.info);
  }
  const lines: string[] = [];
  // mammoth 1.13 reads from any object with exists/read (its openZip "file" input); see docs/decisions/0601.
  const file = {
    exists: (name: string) => entries.has(name),
    read: async (name: string, encoding?: string) => {
      const data = entries.get(name);
      if (!data) throw new Error(`missing ${name}`);
      if (encoding === "base64") return Buffer.from(data).toString("base64");
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
  await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
    transformDocument: (document: Element) => {
      for (const child of document.children ?? []) block(child, counter, lines);
      return { ...document, children: [] }; // the HTML is not used
    },
  });
  return untabColumns(lines).join("\n");
}

function findNumberingPath(entries: Map<string, Uint8Array>): string | undefined {
  if (entries.has("word/numbering.xml")) return "word/numbering.xml";
  return [...entries.keys()].find((name) => /^word\/numbering[^/]*\.xml$/i.test(name));
}

function block(element: Element, counter: NumberingCounter, lines: string[]): void {
  if (element.type === "paragraph") {
    const text = inline(element);
    const label = element.numbering ? counter.label(element.numbering) : "";
    lines.push(label && text.trim() ? `${label} ${text.trimStart()}` : text);
  } else if (element.type === "table") {
    lines.push(...tableLines(tableGrid(element, counter)));
  } else {
    for (const child of element.children ?? []) block(child, counter, lines);
  }
}

function inline(element: Element): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return element.breakType === "line" || element.breakType === undefined ? "\n" : "";
    case "noteReference":
    case "commentReference":
    case "image":
      return "";
    default:
      return (element.children ?? []).map(inline).join("");
  }
}

/** Table rows as cells; each cell's paragraphs (with their numbering) as lines. */
function tableGrid(table: Element, counter: NumberingCounter): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of table.children ?? []) {
    if (row.type !== "tableRow") continue;
    rows.push(
      (row.children ?? []).map((cell) => {
        const lines: string[] = [];
        for (const child of cell.children ?? []) block(child, counter, lines);
        return { lines: lines.map((l) => l.trim()).filter(Boolean), colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 };
      }),
    );
  }
  return rows;
}

import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * The cells of a spreadsheet a person sends (.xlsx, or .csv as Excel and LibreOffice save it: UTF-8 with or without a
 * BOM, comma or semicolon separated), as text, first sheet only. Formulas give their cached result, rich text its
 * plain text, dates dd/mm/yyyy. Bounded: at most `maxRows` rows are read.
 */
export class SheetError extends Error {
  constructor(readonly code: "unreadable" | "too_many_rows" | "empty") {
    super(`sheet: ${code}`);
  }
}

export function isSheetFile(fileName: string): boolean {
  return /\.(xlsx|csv)$/i.test(fileName);
}

export async function readSheetCells(bytes: Uint8Array, fileName: string, maxRows = 5000): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    if (/\.csv$/i.test(fileName)) {
      const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
      const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
      const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
      // Values stay text: a unit code "001" or a name that looks like a date must not be converted.
      await wb.csv.read(Readable.from([text]), { parserOptions: { delimiter }, map: (value: unknown) => value } as never);
    } else {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    }
  } catch {
    throw new SheetError("unreadable");
  }
  const sheet = wb.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new SheetError("empty");
  if (sheet.actualRowCount > maxRows) throw new SheetError("too_many_rows");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

/** The template /mau sends: the five columns, with two example rows. */
export async function directoryTemplate(headers: string[], examples: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const sheet = wb.addWorksheet("Don vi", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: [40, 24, 22, 10, 32][i] ?? 20 }));
  for (const row of examples) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

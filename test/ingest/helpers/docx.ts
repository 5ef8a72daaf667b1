import { zip } from "./zip.js";

/** Hand-built OOXML, shaped like Word's own output, so tests control numbering and tables exactly. */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function p(text: string, list?: { numId: number; ilvl?: number }): string {
  const numPr = list ? `<w:pPr><w:numPr><w:ilvl w:val="${list.ilvl ?? 0}"/><w:numId w:val="${list.numId}"/></w:numPr></w:pPr>` : "";
  return `<w:p>${numPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

export interface CellSpec {
  text: string | string[];
  gridSpan?: number;
  vMerge?: "restart" | "continue";
}

export function table(rows: (string | string[] | CellSpec)[][]): string {
  const cell = (c: string | string[] | CellSpec): string => {
    const spec: CellSpec = typeof c === "string" || Array.isArray(c) ? { text: c } : c;
    const props = `${spec.gridSpan ? `<w:gridSpan w:val="${spec.gridSpan}"/>` : ""}${spec.vMerge ? `<w:vMerge${spec.vMerge === "restart" ? ' w:val="restart"' : ""}/>` : ""}`;
    const paras = (Array.isArray(spec.text) ? spec.text : [spec.text]).map((t) => p(t)).join("");
    return `<w:tc><w:tcPr>${props}</w:tcPr>${paras || "<w:p/>"}</w:tc>`;
  };
  return `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
}

function level(ilvl: number, numFmt: string, lvlText: string): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${esc(lvlText)}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

/**
 * Lists as a Vietnamese kế hoạch uses them: abstract 0 = "1." / "a)" / "-" (num 1, and num 3 restarting it at 1),
 * abstract 1 = "I." sections (num 2).
 */
export const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">${level(0, "decimal", "%1.")}${level(1, "lowerLetter", "%2)")}${level(2, "bullet", "-")}${level(3, "bullet", "\uf0a7")}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${level(0, "upperRoman", "%1.")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

export function docx(body: string, numbering: string | null = NUMBERING): Uint8Array {
  const rels = numbering
    ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    : "";
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ""}</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body}</w:body></w:document>`,
    ...(numbering ? { "word/numbering.xml": numbering } : {}),
  });
}

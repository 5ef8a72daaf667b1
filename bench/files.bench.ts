/**
 * Files → text: seconds per page for .docx, a text PDF and OCR (scanned PDF), and peak RSS of this process.
 * Inputs are made from the committed fixtures (test/fixtures/files), so the bench runs in any clone.
 * OCR runs in tesseract child processes; their memory is not in this process's RSS.
 */
import { readFileSync } from "node:fs";
import { detectTools, extractText } from "../src/ingest/index.js";
import { docx, p } from "../test/ingest/helpers/docx.js";
import { jpegToPdf, renderPage } from "../test/ingest/helpers/scan.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/files/${name}`, import.meta.url)));
const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function perPage(label: string, bytes: Uint8Array, name: string, pages: number, runs: number): Promise<void> {
  await extractText(bytes, name); // warm-up: module loading and pdf.js worker start are not per page
  const started = performance.now();
  for (let i = 0; i < runs; i++) await extractText(bytes, name);
  const seconds = (performance.now() - started) / 1000 / runs / pages;
  console.log(`${label.padEnd(34)} ${seconds.toFixed(4)} s/page  (${pages} pages × ${runs} runs)  peak RSS ${rssMb()} MB`);
}

export default async function bench(): Promise<void> {
  const body = readFileSync(new URL("../test/fixtures/files/seed-000.body.txt", import.meta.url), "utf8").split("\n").filter((l) => l.trim());
  // dispatch.pdf is this text on 2 A4 pages; ten copies make a 20-page .docx.
  const paragraphs = Array.from({ length: 10 }, () => body.map((line) => (/^\d\./.test(line) ? p(line.replace(/^\d\.\s*/, ""), { numId: 1 }) : p(line))).join("")).join("");
  await perPage(".docx (Word numbering)", docx(paragraphs), "bench.docx", 20, 5);
  await perPage("PDF with text layer", fixture("dispatch.pdf"), "bench.pdf", 2, 10);
  const tools = detectTools();
  if (!tools.tesseract || !tools.pdftoppm) {
    console.log("OCR: skipped (install tesseract-ocr tesseract-ocr-vie poppler-utils)");
    return;
  }
  const pdf = fixture("dispatch.pdf");
  await perPage("scanned PDF (pdftoppm + tesseract)", jpegToPdf(renderPage(pdf, 2, "jpeg")), "scan.pdf", 1, 2);
  await perPage("photo .png (tesseract)", renderPage(pdf, 1, "png"), "photo.png", 1, 2);
}

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Page `page` of a PDF rendered as a 300-dpi grey image by poppler, as a scanner would produce it. */
export function renderPage(pdf: Uint8Array, page: number, format: "png" | "jpeg"): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-render-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", "300", "-gray", `-${format}`, "-f", String(page), "-l", String(page), "-singlefile", join(dir, "in.pdf"), join(dir, "out")]);
    return new Uint8Array(readFileSync(join(dir, format === "png" ? "out.png" : "out.jpg")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page "scanned" PDF: the JPEG as the page's only content, no text layer; `rotate` turns the page (degrees). */
export function jpegToPdf(jpeg: Uint8Array, { dpi = 300, rotate = 0 } = {}): Uint8Array {
  const { width, height, components } = jpegSize(jpeg);
  const colorSpace = components === 1 ? "/DeviceGray" : "/DeviceRGB";
  const [w, h] = [(width * 72) / dpi, (height * 72) / dpi].map((v) => v.toFixed(2));
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const objects: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /Rotate ${rotate} /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
      Buffer.from(jpeg),
      Buffer.from("\nendstream"),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from("\nendobj\n")]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

function jpegSize(jpeg: Uint8Array): { width: number; height: number; components: number } {
  const b = Buffer.from(jpeg);
  for (let at = 2; at < b.length; ) {
    const marker = b[at + 1]!;
    const size = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), components: b[at + 9]! };
    at += 2 + size;
  }
  throw new Error("no JPEG frame header");
}

/** 1 − (Levenshtein distance / length of the known text), whitespace collapsed on both sides. */
export function characterAccuracy(known: string, read: string): number {
  const a = known.normalize("NFC").replace(/\s+/g, " ").trim();
  const b = read.normalize("NFC").replace(/\s+/g, " ").trim();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / a.length;
}

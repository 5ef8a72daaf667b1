/**
 * Input shapes that once made a reader step quadratic (issue 10): one phrase repeated in a single clause, tens of
 * thousands of short lines joined into one paragraph, huge tables, hundreds of numbered items. Shared by the property
 * test in `npm test` (small sizes, a time budget per input) and the long fuzz (`npm run fuzz`, sizes up to 2 MB).
 */
import fc from "fast-check";

/** Pieces repeated to build an input; each ends where the next may start. */
export const UNITS: readonly string[] = [
  "phối hợp với ",
  "phối hợp với Sở Y tế, ",
  "phối hợp với Sở (",
  "dòng chữ thường\n",
  "Dòng Chữ Hoa\n",
  "DÒNG CHỮ IN HOA\n",
  "Sở Y tế, ",
  "Sở Y tế và\n",
  "phối hợp với các sở,\n",
  "| 1 | Sở Y tế chủ trì triển khai | Sở Tài chính | 30/11/2026 |\n",
  "- Sở Y tế chủ trì, phối hợp với Sở Tài chính\n",
  "lãnh đạo ",
  "chỉ đạo Sở Nội vụ phối hợp với ",
  "*a ",
  "**",
  "(",
  ") ",
  "; ",
  ", ",
  "Kính gửi: ",
  "hằng tháng trước ngày 5 ",
  "hoàn thành trước ngày 20/11/2026 ",
  "ngày 1 tháng 2 năm 2026 ",
  "Căn cứ ",
  "a) ",
  "1.1. ",
  "Điều 1. ",
  "\n\n",
  "a",
  " ",
];

export interface Shape {
  /** What the input is made of, for the failure message. */
  label: string;
  text: string;
}

/** One or two units, each repeated up to `size` characters, optionally after a dispatch-like preamble. */
export function shapes(size: number): fc.Arbitrary<Shape> {
  const unit = fc.constantFrom(...UNITS);
  const repeated = fc.tuple(unit, fc.option(unit, { nil: undefined }), fc.boolean()).map(([a, b, preamble]) => {
    const block = b === undefined ? a : a + b;
    const head = preamble ? "UBND TỈNH A\nSố: 12/KH-UBND\nKẾ HOẠCH\nKính gửi: Các sở, ban, ngành\n1. " : "1. ";
    return { label: `${preamble ? "preamble + " : ""}${JSON.stringify(block)} × ${Math.ceil(size / block.length)}`, text: head + block.repeat(Math.ceil(size / block.length)) };
  });
  const items = fc.constantFrom("Sở Y tế chủ trì triển khai.", "| Sở Y tế | Sở Tài chính | 30/11/2026 |").map((body) => {
    const lines: string[] = [];
    let length = 0;
    for (let i = 1; length < size; i++) {
      const line = `${i}. ${body}`;
      lines.push(line);
      length += line.length + 1;
    }
    return { label: `numbered items: ${JSON.stringify(body)} × ${lines.length}`, text: lines.join("\n") };
  });
  return fc.oneof({ weight: 4, arbitrary: repeated }, { weight: 1, arbitrary: items });
}

/** "n. …" items numbered 1…n: the reader must read each as its own task, however many there are. */
export function numberedItems(n: number): string {
  return `Kính gửi: Các sở, ban, ngành\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. Sở Y tế chủ trì triển khai nội dung thứ ${i + 1}.`).join("\n")}`;
}

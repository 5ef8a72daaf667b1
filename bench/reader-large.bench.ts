/**
 * The reader on 2 MB inputs (issue 10: every step linear, any 2 MB input ≤ 2 s): a realistic dispatch repeated, and
 * the hostile shapes that were once quadratic (one clause of "phối hợp với", 2 MB of short lower-case lines, a
 * 20,000-row task table).
 */
import { readDispatch } from "../src/dispatch/reader.js";

const SIZE = 2_000_000;
const fill = (unit: string, head = "") => head + unit.repeat(Math.ceil((SIZE - head.length) / unit.length)).slice(0, SIZE - head.length);

export default async function bench(): Promise<void> {
  const inputs: Array<[string, string]> = [
    ["dispatch items", fill("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai kế hoạch, hoàn thành trước ngày 20/5/2024.\n")],
    ["one clause of 'phối hợp với'", fill("phối hợp với ", "1. Sở Y tế chủ trì, ")],
    ["short lower-case lines", fill("dòng chữ thường\n")],
    ["task table rows", fill("1. Tuyên truyền nội dung. Sở Y tế chủ trì, phối hợp Sở Tài chính. Thời gian hoàn thành: 30/11/2026.\n", "Kính gửi: Các sở, ban, ngành\n\n")],
  ];
  readDispatch(inputs[0]![1].slice(0, 50_000), { refDate: "2026-01-01" }); // warm-up (JIT)
  for (const [label, text] of inputs) {
    const start = performance.now();
    const out = readDispatch(text, { refDate: "2026-01-01" });
    const ms = performance.now() - start;
    console.log(`2 MB ${label}: ${ms.toFixed(0)} ms (${out.tasks.length} tasks) ${ms <= 2000 ? "≤ 2 s" : "OVER 2 s"}`);
  }
}

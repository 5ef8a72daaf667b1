import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parsedDispatchSchema } from "../../src/dispatch/schema.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");
const fixture = join(root, "test", "fixtures", "dispatches", "seed-000.txt");

async function parse(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["src/cli/parse.ts", ...args], { cwd: root, encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("npm run parse", () => {
  it("--json prints exactly the parsed dispatch as JSON, options before or after the file", async () => {
    const after = await parse(fixture, "--json");
    const before = await parse("--json", fixture);
    expect(after.code).toBe(0);
    const parsed = parsedDispatchSchema.parse(JSON.parse(after.stdout));
    expect(parsed.doc.number).toBe("1277-CV/HU");
    expect(parsed.tasks).toHaveLength(6);
    expect(before.stdout).toBe(after.stdout);
  });

  it("prints a Vietnamese summary by default", async () => {
    const { code, stdout } = await parse(fixture);
    expect(code).toBe(0);
    expect(stdout).toContain("Số ký hiệu: 1277-CV/HU");
    expect(stdout).toContain("[4] Hội Chữ thập đỏ huyện");
    expect(stdout).toMatch(/Hội Chữ thập đỏ huyện \(chủ trì\)/u);
    expect(stdout).toMatch(/các cơ quan, đơn vị có liên quan \(phối hợp\)/u);
    expect(stdout).toContain("Thời hạn: 2024-05-31");
  });

  it("resolves dates without a year against --ref-date when the document has no date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-parse-"));
    const file = join(dir, "cv.txt");
    writeFileSync(file, "Kính gửi: Sở Y tế\n\n1. Sở Y tế báo cáo kết quả chậm nhất 17h00 ngày 12/4.\n");
    const { stdout } = await parse("--ref-date", "2031-02-01", "--json", file);
    expect(JSON.parse(stdout).tasks[0].deadline.date).toBe("2031-04-12");
  });

  it("exits non-zero with a Vietnamese message for a missing file or a bad option", async () => {
    const missing = await parse("/nonexistent/cong-van.txt", "--json");
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("Không tìm thấy tệp");
    const bad = await parse(fixture, "--ref-date", "29/3/2024");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Ngày tham chiếu không hợp lệ");
    const dir = await parse(tmpdir(), "--json");
    expect(dir.code).not.toBe(0);
    expect(dir.stderr).toContain("Không đọc được tệp");
  });

  it("explains an empty file in Vietnamese instead of printing an empty result", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "dondoc-parse-")), "rong.txt");
    writeFileSync(file, "");
    const { code, stdout, stderr } = await parse(file, "--json");
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr.trim().length).toBeGreaterThan(0);
  });
});

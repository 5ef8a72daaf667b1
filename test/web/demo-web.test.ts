import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run demo -- --web", () => {
  it("leaves the demo's office served with a sign-in link printed; the link opens the overview and the dispatch", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/demo.ts", "--web"], { env: { ...process.env, WEB_PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const link = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no link printed:\n${out.slice(-2000)}`)), 80_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          const m = /Đăng nhập[^\n]*: (http:\/\/127\.0\.0\.1:\d+\/signin\/\S+)/.exec(out);
          if (m) { clearTimeout(timer); resolve(m[1]!); }
        });
        child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`demo exited ${code}:\n${out.slice(-2000)}`)); });
      });
      const signin = await fetch(link, { method: "POST", redirect: "manual" });
      expect(signin.status).toBe(303);
      const cookie = /dondoc_session=[^;]+/.exec(signin.headers.get("set-cookie") ?? "")![0];
      const base = new URL(link).origin;
      const overview = await fetch(`${base}/`, { headers: { cookie } });
      expect(overview.status).toBe(200);
      const html = await overview.text();
      expect(html).toContain("Tổng quan");
      expect(html).toContain("Sở Y tế");
      const list = await (await fetch(`${base}/dispatches`, { headers: { cookie } })).text();
      expect(list).toContain("164/KH-UBND");
    } finally {
      child.kill("SIGTERM");
    }
  }, 120_000);
});

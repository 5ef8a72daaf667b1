import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../../src/web/server.js";
import { LEADER, SECRETARY, webWorld, type WebWorld } from "./helpers.js";

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (its own browser download cannot run
 * here). .ci/run installs the `chromium` package; without it these tests are skipped with a message. Screenshots of
 * every page go to data/screenshots/web (git-ignored).
 */
// The callbacks passed to page.evaluate/$$eval run in the browser; the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: any): { color: string; backgroundColor: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
const SHOTS = join("data", "screenshots", "web");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Accessibility basics of the current page: one h1, no skipped heading level, every form field labelled. */
async function checkStructure(page: Page): Promise<void> {
  const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  const unlabelled = await page.$$eval("input:not([type=hidden]), select, textarea", (els) =>
    els.filter((el) => !el.getAttribute("aria-label") && !(el.id && document.querySelector(`label[for="${el.id}"]`))).map((el) => el.outerHTML));
  expect(unlabelled).toEqual([]);
  expect(await page.getAttribute("html", "lang")).toMatch(/^(vi|en)$/);
}

describe.skipIf(!haveChromium)("the dashboard in Chromium", () => {
  let w: WebWorld;
  let server: WebServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    w = await webWorld(base);
    server = await startWebServer(w.web, { port, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await w?.db.close();
  });

  it("refuses without a session and with an expired link", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(401);
    await expect(page.locator("h1").textContent()).resolves.toContain("Cần đăng nhập");
    await page.screenshot({ path: join(SHOTS, "refused.png"), fullPage: true });

    const link = await w.linkFor(SECRETARY);
    w.clock.advance(11 * 60_000);
    await page.goto(link);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.locator("main").textContent()).resolves.toContain("hết hạn");
    await page.screenshot({ path: join(SHOTS, "expired-link.png"), fullPage: true });
    expect((await context.cookies()).filter((c) => c.name === "dondoc_session")).toHaveLength(0);
    w.clock.advance(-11 * 60_000);
    await context.close();
  });

  it("signs in through a /web link, shows the overview, a dispatch with markup as text, filters, and downloads the .xlsx and the .docx", async () => {
    const context = await browser.newContext({ locale: "vi-VN", acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Script errors and Content-Security-Policy violations; a 401 page after signing out is expected, not an error.
    page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });

    await page.goto(await w.linkFor(LEADER));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${base}/`);
    const cookie = (await context.cookies()).find((c) => c.name === "dondoc_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("dondoc_session");

    // Overview: categories, units worst first, charts drawn by the bundled Chart.js under the CSP.
    await expect(page.locator("h1").textContent()).resolves.toBe("Tổng quan");
    await page.waitForSelector("#chart-completion[data-drawn=true]");
    await page.waitForSelector("#chart-units[data-drawn=true]");
    const units = await page.$$eval("table.units tbody th", (ths) => ths.map((th) => th.textContent?.trim()));
    expect(units[0]).toBe("Sở Nội vụ");
    await checkStructure(page);
    // Contrast of every status colour on the page (badges), WCAG AA for normal text.
    const pairs = await page.$$eval(".badge", (els) => els.map((el) => { const s = getComputedStyle(el); return [el.className, s.color, s.backgroundColor]; }));
    expect(pairs.length).toBeGreaterThan(3);
    for (const [name, fg, bg] of pairs) expect(contrast(fg!, bg!), name).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(SHOTS, "overview.png"), fullPage: true });

    // Keyboard: the first Tab reaches the skip link, Enter moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // A dispatch whose text holds <script> and "><img onerror> shows them as text and runs nothing.
    await page.getByRole("link", { name: "Văn bản", exact: true }).click();
    await page.getByRole("link", { name: "164/KH-UBND" }).click();
    await page.waitForSelector("table.matrix");
    expect(await page.evaluate(() => window.__pwned as number | undefined)).toBeUndefined();
    expect(await page.locator("dl.header").textContent()).toContain(`<script>window.__pwned = 1</script> "><img src=x onerror="window.__pwned = 2">`);
    expect(await page.locator("table.matrix").textContent()).toContain(`<b>kết quả</b>`);
    expect(await page.locator("main img").count()).toBe(0);
    await checkStructure(page);
    await page.screenshot({ path: join(SHOTS, "dispatch.png"), fullPage: true });

    // The task page and its history; the unit page.
    await page.locator("table.matrix tbody th a").first().click();
    await expect(page.locator("h1").textContent()).resolves.toContain("Nhiệm vụ 1");
    await expect(page.locator("ol.history").textContent()).resolves.toContain("Sở Y tế báo cáo");
    await checkStructure(page);
    await page.screenshot({ path: join(SHOTS, "task.png"), fullPage: true });
    await page.locator("table.lines tbody th a", { hasText: "Sở Y tế" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Sở Y tế");
    await checkStructure(page);
    await page.screenshot({ path: join(SHOTS, "unit.png"), fullPage: true });

    // Filter with the keyboard only: text without diacritics, then Enter.
    await page.getByRole("link", { name: "Tìm kiếm" }).click();
    await page.getByLabel("Nội dung (gõ không dấu cũng được)").focus();
    await page.keyboard.type("chuyen doi so");
    await page.keyboard.press("Enter");
    await page.waitForURL(/text=chuyen\+doi\+so/);
    await expect(page.getByRole("status").textContent()).resolves.toBe("1 dòng");
    expect(await page.locator("table.lines tbody tr").count()).toBe(1);
    await checkStructure(page);
    await page.screenshot({ path: join(SHOTS, "search.png"), fullPage: true });

    // Download what is shown as .xlsx.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải Excel (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(SHOTS, "search.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells = book.worksheets.map((s) => s.getSheetValues().flat().join(" ")).join(" ");
    expect(cells).toContain("27/CV-VP");
    expect(cells).not.toContain("164/KH-UBND");
    // And as the official .docx report, the same row.
    const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải báo cáo Word (.docx)" }).click()]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    const docx = join(SHOTS, "search.docx");
    await word.saveAs(docx);
    const { value: docText } = await mammoth.extractRawText({ path: docx });
    expect(docText).toContain("27/CV-VP");
    expect(docText).not.toContain("164/KH-UBND");

    // Signing out closes the session.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    const after = await page.goto(`${base}/`);
    expect(after?.status()).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});

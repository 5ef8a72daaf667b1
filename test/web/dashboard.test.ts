import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken, issueWebLink, redeemWebLink, sessionViewer } from "../../src/tracking/web-access.js";
import { setRole } from "../../src/tracking/roles.js";
import { createWebApp } from "../../src/web/server.js";
import { confirmDraft } from "../../src/tracking/confirm-draft.js";
import { editDraft } from "../../src/tracking/edit-draft.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { dispatch, task } from "../tracking/helpers.js";
import { HOSTILE_SUBJECT, HOSTILE_TASK, LEADER, NOIVU, OFFICER, SECRETARY, webWorld, type WebWorld } from "./helpers.js";

let w: WebWorld;
beforeEach(async () => { w = await webWorld(); });
afterEach(async () => { await w.db.close(); });

const get = (path: string, cookie?: string) => w.app.request(path, cookie ? { headers: { cookie } } : {});

const decode = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").trim();

/** The detail table of a .docx report (the one headed "STT"), without its header: each row as its cells' text. */
async function docxRows(res: Response): Promise<string[][]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await res.arrayBuffer()) });
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) =>
      [...tr!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, td]) =>
        [...td!.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(([, p]) => decode(p!)).join("\n"))));
  return tables.find((tb) => tb[0]?.[0] === "STT")?.slice(1) ?? [];
}

/** The .xlsx detail rows in the columns the .docx also has: STT, task, unit (role), status. */
async function xlsxRows(res: Response): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Chi tiết")!;
  if (sheet.rowCount < 2) return [];
  return sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [String(r.getCell(1).value), String(r.getCell(4).value), `${r.getCell(5).value} (${r.getCell(6).value})`, String(r.getCell(8).value)]);
}
const docxAsXlsx = (rows: string[][]) => rows.map((r) => [r[0]!, r[1]!, r[3]!, r[6]!]);

describe("signing in from chat", () => {
  it("/web in a private chat answers with a one-time link; opening it (POST) gives an HttpOnly SameSite=Strict Secure cookie", async () => {
    const link = await w.linkFor(SECRETARY);
    expect(link.startsWith("https://dondoc.example.gov.vn/signin/")).toBe(true);
    const path = new URL(link).pathname;
    // The GET a chat's link preview makes spends nothing: it shows a button.
    const shown = await w.app.request(path);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(`action="${path}"`);
    const res = await w.app.request(path, { method: "POST" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/dondoc_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Secure/);
    // Only the hash of a token is stored.
    const token = /dondoc_session=([^;]+)/.exec(setCookie)![1]!;
    const rows = (await w.db.sql.rows<[string]>(`SELECT "tokenHash" FROM "WebSession"`)).map((r) => r[0]);
    expect(rows).toContain(hashToken(token));
    expect(rows).not.toContain(token);
    // The link works once.
    const again = await w.app.request(path, { method: "POST" });
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("refuses without a session, with a forged cookie, an expired link, and after the role is taken away", async () => {
    const none = await get("/");
    expect(none.status).toBe(401);
    expect(await none.text()).toContain("/web");
    expect((await get("/", "dondoc_session=forged")).status).toBe(401);

    const link = new URL(await w.linkFor(SECRETARY)).pathname;
    w.clock.advance(11 * 60_000);
    const late = await w.app.request(link, { method: "POST" });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("hết hạn");

    const cookie = await w.cookieFor(SECRETARY);
    expect((await get("/", cookie)).status).toBe(200);
    await setRole(w, { by: "telegram:1", userId: SECRETARY, role: "secretary", grant: false });
    expect((await get("/", cookie)).status).toBe(401);
  });

  it("is refused in a group, to people without a role, and says so when WEB_PUBLIC_URL is unset", async () => {
    await w.message(NOIVU, LEADER, "/web");
    const inGroup = (await w.deliver()).map((m) => (m.payload.op === "send" ? m.payload.text : "")).join("\n");
    expect(inGroup).toContain("tin nhắn riêng");
    expect(inGroup).not.toContain("/signin/");
    expect(await issueWebLink(w, { by: "telegram:99" })).toEqual({ code: "forbidden" });
    w.deps.settings.webPublicUrl = undefined;
    await w.message(LEADER, LEADER, "/web");
    expect((await w.deliver()).map((m) => (m.payload.op === "send" ? m.payload.text : "")).join("\n")).toContain("WEB_PUBLIC_URL");
  });

  it("sessions are revocable: sign out in the browser, or /web thoat in chat closes every session", async () => {
    const a = await w.cookieFor(LEADER);
    const b = await w.cookieFor(LEADER);
    const out = await w.app.request("/signout", { method: "POST", headers: { cookie: a } });
    expect(out.headers.get("set-cookie")).toMatch(/dondoc_session=;/);
    expect((await get("/", a)).status).toBe(401);
    expect((await get("/", b)).status).toBe(200);
    await w.message(LEADER, LEADER, "/web thoat");
    expect((await w.deliver()).map((m) => (m.payload.op === "send" ? m.payload.text : "")).join()).toMatch(/Đã đăng xuất/);
    expect((await get("/", b)).status).toBe(401);
  });

  it("a sign-in or sign-out posted from another site is refused", async () => {
    const path = new URL(await w.linkFor(LEADER)).pathname;
    expect((await w.app.request(path, { method: "POST", headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await w.app.request(path, { method: "POST", headers: { origin: "https://evil.example" } })).status).toBe(403);
    // Not spent by the refused attempts.
    expect((await w.app.request(path, { method: "POST", headers: { "sec-fetch-site": "same-origin" } })).status).toBe(303);
  });

  it("a session expires after its lifetime", async () => {
    const r = await issueWebLink(w, { by: LEADER });
    if (r.code !== "ok") throw new Error(r.code);
    const s = await redeemWebLink(w, r.token);
    if (s.code !== "ok") throw new Error(s.code);
    expect(await sessionViewer(w, s.sessionToken)).not.toBeNull();
    w.clock.advance(13 * 3_600_000);
    expect(await sessionViewer(w, s.sessionToken)).toBeNull();
    // A day later the next link clears both rows, and only them.
    const count = async () => Number(await w.db.sql.value(`SELECT COUNT(*) FROM "WebSession"`));
    const before = await count();
    w.clock.advance(24 * 3_600_000);
    await issueWebLink(w, { by: LEADER });
    expect(await count()).toBe(1);
    expect(before).toBeGreaterThanOrEqual(2);
  });
});

describe("pages", () => {
  it("overview: official categories, units worst first with colours, due this week, not reported; security headers", async () => {
    const res = await get("/", await w.cookieFor(SECRETARY));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    for (const label of ["Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện (trong hạn)", "Quá hạn chưa hoàn thành"]) expect(body).toContain(label);
    // Sở Nội vụ has task 2 overdue (due 01/06): red and first; Sở Y tế has task 3 due 07/06 (2 days): orange.
    const units = body.slice(body.indexOf('id="h-units"'), body.indexOf('id="h-week"'));
    expect(units.indexOf("Sở Nội vụ")).toBeLessThan(units.indexOf("Sở Y tế"));
    expect(units).toMatch(/health-red"><th scope="row"><a href="\/units\/\d+">Sở Nội vụ/);
    expect(units).toMatch(/health-orange"><th scope="row"><a href="\/units\/\d+">Sở Y tế/);
    const week = body.slice(body.indexOf('id="h-week"'), body.indexOf('id="h-silent"'));
    expect(week).toContain("07/06/2023");
    expect(week).not.toContain("01/06/2023");
    const silent = body.slice(body.indexOf('id="h-silent"'), body.indexOf('id="h-charts"'));
    expect(silent).toContain("Sở Nội vụ");
    expect(body).toContain('src="/static/chart.umd.min.js"');
  });

  it("escapes dispatch and task text everywhere it is shown", async () => {
    const cookie = await w.cookieFor(SECRETARY);
    const task = (await w.db.sql.value<number>(`SELECT id FROM "Task" WHERE "dispatchId" = ? AND ref = '1'`, [w.dispatchId]))!;
    for (const path of [`/dispatches/${w.dispatchId}`, "/dispatches", `/tasks/${task}`, "/search?text=ket+qua", "/"]) {
      const body = await (await get(path, cookie)).text();
      expect(body, path).not.toContain("<script>window");
      expect(body, path).not.toContain("<img src=x");
      expect(body, path).not.toContain("<b>kết quả</b>");
    }
    const page = await (await get(`/dispatches/${w.dispatchId}`, cookie)).text();
    expect(page).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;");
    expect(HOSTILE_SUBJECT).toContain("<script>");
    expect(HOSTILE_TASK).toContain("onerror");
  });

  it("dispatch: header and tasks × units matrix with status, last report and evidence", async () => {
    const body = await (await get(`/dispatches/${w.dispatchId}`, await w.cookieFor(LEADER))).text();
    expect(body).toContain("164/KH-UBND");
    const matrix = body.slice(body.indexOf('class="matrix"'));
    expect(matrix).toContain("Sở Y tế");
    expect(matrix).toContain("Sở Nội vụ");
    expect(matrix).toContain("st-done_on_time");
    expect(matrix).toContain("st-overdue");
    expect(matrix).toContain("1 tệp minh chứng");
    expect(matrix).toContain("gửi kèm báo cáo");
  });

  it("dispatch: items no unit follows up are listed under the matrix with why, escaped; an officer does not see them", async () => {
    const r = await ingestDraft(w, { forwardedBy: LEADER, parsed: dispatch([
      task("1", [["Sở Y tế", "lead"], ["Sở Nội vụ", "coordinate"]], "2023-06-30"),
      task("2", [], "2023-07-10"),
      { ...task("3", [], null), text: "Tổng hợp <b>ý kiến</b> của nhân dân" },
    ], { number: "88/UBND-VX", subject: "Công văn có mục không giao" }) });
    if (r.code !== "ok") throw new Error(r.code);
    expect((await editDraft(w, { dispatchId: r.draft.id, by: LEADER, edit: { type: "not-assigned", seqs: [2, 3] } })).code).toBe("ok");
    expect((await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER })).code).toBe("ok");
    const body = await (await get(`/dispatches/${r.draft.id}`, await w.cookieFor(LEADER))).text();
    const section = body.slice(body.indexOf('id="h-not-assigned"'));
    expect(body).toContain('id="h-not-assigned"');
    expect(section).toContain("Mục không giao cho đơn vị nào (2)");
    expect(section).toContain("10/07/2023");
    expect(section).toContain("Lãnh đạo đánh dấu “không giao”");
    expect(section).toContain("Tổng hợp &lt;b&gt;ý kiến&lt;/b&gt; của nhân dân");
    expect(section).not.toContain("<b>ý kiến");
    // The matrix above holds only the task that reached a unit.
    expect(body.slice(body.indexOf('class="matrix"'), body.indexOf('id="h-not-assigned"'))).not.toContain("Tổng hợp");
    const officer = await get(`/dispatches/${r.draft.id}`, await w.cookieFor(OFFICER));
    expect(officer.status).toBe(200);
    expect(await officer.text()).not.toContain("h-not-assigned");
    // A dispatch whose every item reached a unit has no such section.
    expect(await (await get(`/dispatches/${w.dispatchId}`, await w.cookieFor(LEADER))).text()).not.toContain("h-not-assigned");
  });

  it("task: history with the post, the report and a downloadable evidence file; an officer of another unit cannot download it", async () => {
    const cookie = await w.cookieFor(LEADER);
    const task = (await w.db.sql.value<number>(`SELECT id FROM "Task" WHERE "dispatchId" = ? AND ref = '1'`, [w.dispatchId]))!;
    const body = await (await get(`/tasks/${task}`, cookie)).text();
    expect(body).toContain("Đã gửi nhiệm vụ tới nhóm của Sở Y tế");
    expect(body).toContain("Sở Y tế báo cáo");
    expect(body).toContain("Lãnh đạo xác nhận giao nhiệm vụ");
    // In the order things happened, the confirmation before the post it caused (same instant).
    const order = ["Văn bản được chuyển cho bot", "Lãnh đạo xác nhận giao nhiệm vụ", "Đã gửi nhiệm vụ tới nhóm của Sở Y tế", "Sở Y tế báo cáo"].map((x) => body.indexOf(x));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const href = /href="(\/evidence\/\d+\/0)"/.exec(body)?.[1];
    expect(href).toBeDefined();
    const file = await get(href!, cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("bao-cao-ket-qua.pdf");
    expect(await file.text()).toBe("%PDF-1.4 evidence");
    // The officer of Sở Nội vụ sees the task (it coordinates) but not Sở Y tế's report or file.
    const officer = await w.cookieFor(OFFICER);
    const seen = await (await get(`/tasks/${task}`, officer)).text();
    expect(seen).not.toContain("Sở Y tế báo cáo");
    expect((await get(href!, officer)).status).toBe(404);
  });

  it("an officer sees only their unit: overview counts, other units' pages refused", async () => {
    const cookie = await w.cookieFor(OFFICER);
    const body = await (await get("/", cookie)).text();
    const units = body.slice(body.indexOf('id="h-units"'), body.indexOf('id="h-week"'));
    expect(units).toContain("Sở Nội vụ");
    expect(units).not.toContain("Sở Y tế");
    expect((await get(`/units/${w.unit("Sở Y tế")}`, cookie)).status).toBe(404);
    // The dispatch shows the officer's unit only: its tasks (1 as coordinator, 2 as lead), not Sở Y tế's task 3.
    const matrix = await (await get(`/dispatches/${w.dispatchId}`, cookie)).text();
    expect(matrix).toContain("Nội dung nhiệm vụ 2");
    expect(matrix).not.toContain("Nội dung nhiệm vụ 3");
    expect(matrix.slice(matrix.indexOf('class="matrix"'))).not.toContain("Sở Y tế");
    expect((await get(`/units/${w.unit("Sở Nội vụ")}`, cookie)).status).toBe(200);
    const other = (await w.db.sql.value<number>(`SELECT id FROM "Task" WHERE ref = '3' AND "dispatchId" = ?`, [w.dispatchId]))!;
    expect((await get(`/tasks/${other}`, cookie)).status).toBe(404);
    const search = await (await get(`/search?unit=${w.unit("Sở Y tế")}`, cookie)).text();
    expect(search).toContain("0 dòng");
    // The export holds the officer's unit only.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await get("/search/export.xlsx", cookie)).arrayBuffer()) as unknown as ArrayBuffer);
    const cells = book.worksheets.map((s) => s.getSheetValues().flat().join(" ")).join(" ");
    expect(cells).toContain("Sở Nội vụ");
    expect(cells).not.toContain("Sở Y tế");
  });

  it("speaks the person's language (/ngonngu en)", async () => {
    await w.message(LEADER, LEADER, "/ngonngu en");
    await w.deliver();
    const body = await (await get("/", await w.cookieFor(LEADER))).text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("<h1>Overview</h1>");
    expect(body).toContain("Overdue, not completed");
  });

  it("unit page lists open and closed tasks across dispatches", async () => {
    const body = await (await get(`/units/${w.unit("Sở Y tế")}`, await w.cookieFor(SECRETARY))).text();
    const open = body.slice(body.indexOf('id="h-open"'), body.indexOf('id="h-closed"'));
    const closed = body.slice(body.indexOf('id="h-closed"'));
    expect(open).toContain("27/CV-VP");
    expect(open).toContain("164/KH-UBND");
    expect(closed).toContain("164/KH-UBND");
    expect(closed).toMatch(/Nhiệm vụ đã hoàn thành \(1\)/);
  });

  it("search by số ký hiệu, unit, status and text without diacritics; the .xlsx holds what is shown", async () => {
    const cookie = await w.cookieFor(SECRETARY);
    const byNumber = await (await get("/search?number=27%2FCV", cookie)).text();
    expect(byNumber).toContain("1 dòng");
    const byText = await (await get("/search?text=chuyen+doi+so", cookie)).text();
    expect(byText).toContain("27/CV-VP");
    expect(byText).toContain("1 dòng");
    const overdue = await (await get("/search?status=overdue", cookie)).text();
    expect(overdue).toContain("1 dòng");
    // Due this week (Monday 05/06 to Sunday 11/06): task 3 of Sở Y tế (07/06) only.
    const week = await (await get("/search?period=week", cookie)).text();
    expect(week).toContain("1 dòng");
    expect(week).toContain("07/06/2023");
    const xlsx = await get("/search/export.xlsx?text=bao+cao", cookie);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const text = book.worksheets.map((s) => s.getSheetValues().flat().join(" ")).join(" ");
    expect(text).toContain("27/CV-VP");
    expect(text).toContain("164/KH-UBND");
    const shown = await (await get("/search?text=bao+cao", cookie)).text();
    expect(shown).toMatch(/(\d+) dòng/);
  });

  it("the .docx report holds the same rows as the .xlsx for the same filter, with the office as issuer; links on search, dispatch and unit pages", async () => {
    const cookie = await w.cookieFor(SECRETARY);
    for (const query of ["text=bao+cao", "", "status=overdue", `dispatch=${w.dispatchId}`, `unit=${w.unit("Sở Y tế")}`]) {
      const docx = await get(`/search/export.docx?${query}`, cookie);
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-type")).toContain("wordprocessingml");
      expect(docx.headers.get("content-disposition")).toMatch(/filename="bao-cao-2023-06-05\.docx"/);
      const fromDocx = docxAsXlsx(await docxRows(docx));
      const fromXlsx = await xlsxRows(await get(`/search/export.xlsx?${query}`, cookie));
      expect(fromDocx, query).toEqual(fromXlsx);
      expect(fromDocx.length, query).toBeGreaterThan(0);
      const shown = Number(/(\d+) dòng/.exec(await (await get(`/search?${query}`, cookie)).text())![1]);
      expect(fromDocx, query).toHaveLength(shown);
    }
    // Markup in a task stays text in the document.
    const all = await docxRows(await get("/search/export.docx?text=bao+cao", cookie));
    expect(all.some((r) => r[1] === `1. ${HOSTILE_TASK}`)).toBe(true);
    // The office from OFFICE_* config heads the report.
    const app = createWebApp({ ...w.web, reportIssuer: { parent: "UBND TỈNH NINH BÌNH", name: "VĂN PHÒNG UBND", abbreviation: "VPUB", place: "Ninh Bình", signerTitle: "CHÁNH VĂN PHÒNG" } });
    const res = await app.request("/search/export.docx", { headers: { cookie } });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    expect(text).toContain("Số:        /BC-VPUB");
    expect(text).toContain("Ninh Bình, ngày");
    // Links beside the .xlsx ones, keeping the filter.
    expect(await (await get("/search?text=bao+cao", cookie)).text()).toContain('href="/search/export.docx?text=bao+cao"');
    expect(await (await get(`/dispatches/${w.dispatchId}`, cookie)).text()).toContain(`href="/search/export.docx?dispatch=${w.dispatchId}"`);
    const unit = await (await get(`/units/${w.unit("Sở Y tế")}`, cookie)).text();
    expect(unit).toContain(`href="/search/export.docx?unit=${w.unit("Sở Y tế")}"`);
    expect(unit).toContain("Tải báo cáo Word (.docx) của đơn vị này");
  });

  it("an officer's .docx holds their unit's rows only, whatever the filter asks", async () => {
    const cookie = await w.cookieFor(OFFICER);
    const own = await docxRows(await get("/search/export.docx", cookie));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r[3]!.startsWith("Sở Nội vụ ("))).toBe(true);
    expect(docxAsXlsx(own)).toEqual(await xlsxRows(await get("/search/export.xlsx", cookie)));
    const body = await (await get(`/search/export.docx?dispatch=${w.dispatchId}`, cookie)).arrayBuffer();
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(body) });
    expect(text).toContain("Sở Nội vụ");
    expect(text).not.toContain("Sở Y tế");
    expect(await docxRows(await get(`/search/export.docx?unit=${w.unit("Sở Y tế")}`, cookie))).toEqual([]);
  });
});

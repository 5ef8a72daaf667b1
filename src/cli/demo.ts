/**
 * `npm run demo`: the whole loop without any chat platform. A temporary database, the units of Hà Nội's Kế hoạch
 * 164/KH-UBND, the dispatch read by the reader, confirmed by a leader, posted to an in-memory chat, answered by unit
 * officers (with and without diacritics), a deadline extension asked and approved, the clock moved past the deadline,
 * reminders, an amending dispatch applied, the final report (showing the extensions) and a task's history.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChatAdapter, OutgoingMessage, SentRef } from "../chat/port.js";
import { ManualClock } from "../clock.js";
import { readDispatch } from "../dispatch/reader.js";
import { parsedDispatchSchema, type ParsedDispatch } from "../dispatch/schema.js";
import { translator } from "../i18n.js";
import { renderReportText } from "../reports/render-text.js";
import { renderReportXlsx } from "../reports/render-xlsx.js";
import { openDatabase } from "../storage/database.js";
import { createStore } from "../storage/store.js";
import { bindChat } from "../tracking/chat-binding.js";
import { confirmDraft } from "../tracking/confirm-draft.js";
import { clip } from "../reports/format.js";
import { editDraft } from "../tracking/edit-draft.js";
import { ingestDraft } from "../tracking/ingest-draft.js";
import { recordReply } from "../tracking/record-reply.js";
import { reminderTick } from "../tracking/reminder-tick.js";
import { replyText } from "../tracking/reply-text.js";
import { ensureAdmins, setRole } from "../tracking/roles.js";
import { statusReport } from "../tracking/status-report.js";
import { decideExtension, listExtensions } from "../tracking/extensions.js";
import { taskHistory } from "../tracking/task-history.js";
import { decisionText } from "../bot/features/extensions.js";
import { withAmendments } from "../dispatch/amends.js";
import { amendmentOffers, applyAmendment } from "../tracking/amendments.js";
import { displayDay } from "../tracking/office-day.js";
import { renderHistory } from "../bot/features/history.js";
import { itemPlanLines } from "../bot/features/amendments.js";
import { registerUnits, type UnitInput } from "../tracking/unit-registry.js";
import { issueWebLink } from "../tracking/web-access.js";
import { createLogger } from "../logger.js";
import { startWebServer } from "../web/server.js";
import { readSheetCells } from "../ingest/sheet.js";
import { renderReportDocx } from "../reports/render-docx.js";
import { applyImport, planImport } from "../tracking/directory-import.js";
import { parseSheet } from "../tracking/directory-sheet.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLE = join(root, "test/fixtures/dispatches/seed-004.txt");
// The directory as an office keeps it (a sheet, imported as /nhapdonvi or a sent .csv/.xlsx would be); the JSON only
// says which demo chat each unit's group is.
const UNITS_SHEET = join(root, "test/fixtures/units/hanoi.csv");
const UNITS = join(root, "test/fixtures/units/hanoi.json");
const ADMIN = "telegram:1";
const LEADER = "telegram:2";
const SECRETARY = "telegram:3";
const LEADER_CHAT = "telegram:-1000001";

/** An in-memory chat platform: prints what each chat would receive. */
class PrintingChat implements ChatAdapter {
  readonly platform = "telegram" as const;
  private next = 500;
  /** The first task message each chat received: the demo's officers reply to it. */
  readonly firstPost = new Map<string, string>();
  constructor(private readonly names: Map<string, string>, private readonly full: (chat: string) => boolean) {}
  async send(m: OutgoingMessage): Promise<SentRef> {
    const messageId = String(++this.next);
    if (m.text.startsWith("📄") && !this.firstPost.has(m.chat)) this.firstPost.set(m.chat, messageId);
    const who = this.names.get(m.chat) ?? m.chat;
    const body = this.full(m.chat) ? m.text : m.text.split("\n").filter((l) => /^\s*\d+\.|^⚠️|^⏰|^•|^✅|^❌|^⏳|^🔁|^⛔/.test(l)).map((l) => (l.length > 110 ? `${l.slice(0, 109)}…` : l)).join("\n");
    console.log(`\n  ┌─ ${who} (${m.chat}) · tin #${messageId}\n${indent(body)}`);
    if (m.buttons?.length) console.log(`  │ [${m.buttons.flat().map((b) => b.label).join("] [")}]`);
    return { chat: m.chat, messageId };
  }
}
const indent = (text: string) => text.split("\n").map((l) => `  │ ${l}`).join("\n");
const section = (title: string) => console.log(`\n━━━ ${title} ${"━".repeat(Math.max(0, 100 - title.length))}`);

async function main(): Promise<void> {
  const t = translator("vi");
  const dir = mkdtempSync(join(tmpdir(), "dondoc-demo-"));
  const db = await openDatabase(`file:${join(dir, "demo.db")}`);
  const clock = new ManualClock(new Date("2023-06-05T09:00:00+07:00"));
  const deps = { store: createStore(db, clock), clock };
  const chatOf = new Map<number, string>();
  const names = new Map<string, string>([[LEADER_CHAT, "Nhóm lãnh đạo"]]);
  const chat = new PrintingChat(names, (c) => c === LEADER_CHAT || c === "telegram:-1001001" || c === "telegram:-1001006");
  const deliver = async () => {
    for (let due = await deps.store.outbox.due(clock.now(), 100); due.length; due = await deps.store.outbox.due(clock.now(), 100)) {
      for (const item of due) {
        if (item.payload.op !== "send") continue;
        const sent = await chat.send({ chat: item.chat, text: item.payload.text, ...(item.payload.buttons ? { buttons: item.payload.buttons } : {}) });
        await deps.store.outbox.markSent(item.id, sent, clock.now());
      }
    }
  };

  section("1. Danh bạ đơn vị, phân quyền, gắn nhóm chat");
  await ensureAdmins(deps, [ADMIN]);
  const sheet = parseSheet(await readSheetCells(readFileSync(UNITS_SHEET), "hanoi.csv"));
  const plan = planImport(await deps.store.directory.units(), sheet.rows, sheet.problems);
  const imported = await applyImport(deps, { by: ADMIN, plan });
  if (imported.code !== "ok") throw new Error(imported.code);
  console.log(`Nhập danh mục từ tệp ${UNITS_SHEET.slice(root.length)}: ${t("bot:directory.applied", imported)}`);
  const units = await deps.store.directory.units();
  const directory = JSON.parse(readFileSync(UNITS, "utf8")) as { units: Array<{ displayName: string; chat: string | null }> };
  await setRole(deps, { by: ADMIN, userId: LEADER, name: "Đ/c Phó Chủ tịch", role: "leader", grant: true });
  await setRole(deps, { by: ADMIN, userId: SECRETARY, name: "Chuyên viên tổng hợp", role: "secretary", grant: true });
  for (const u of directory.units) {
    if (!u.chat) continue;
    const bound = await bindChat(deps, { chat: u.chat, title: u.displayName, by: LEADER, unitQuery: u.displayName });
    if (bound.code !== "ok") throw new Error(`${u.displayName}: ${bound.code}`);
    chatOf.set(units.find((x) => x.displayName === u.displayName)!.id, u.chat);
    names.set(u.chat, u.displayName);
  }
  console.log(`${units.length} đơn vị, ${chatOf.size} nhóm chat đã gắn (Sở Ngoại vụ chưa có nhóm).`);

  section("2. Lãnh đạo chuyển văn bản; bot đọc và lập bản nháp");
  const text = readFileSync(SAMPLE, "utf8");
  let parsed: ParsedDispatch = readDispatch(text, { refDate: "2023-06-05" });
  if (parsed.tasks.length === 0) parsed = fromGold(); // the reader is still being built: fall back to the annotation
  const ingest = await ingestDraft(deps, { parsed, forwardedBy: LEADER, chat: LEADER_CHAT, rawText: text, fileName: "164-KH-UBND.txt" });
  if (ingest.code !== "ok") throw new Error(`ingest: ${ingest.code}`);
  const byId = new Map(units.map((u) => [u.id, u.displayName]));
  for (const it of ingest.draft.items) {
    const who = it.assignees.map((a) => `${a.role === "lead" ? "CT" : "PH"}:${a.match === "unit" || a.match === "collective" ? a.unitIds.map((id) => byId.get(id)).join(", ") : `«${a.name}» (${a.match})`}`);
    console.log(`  ${it.ref.padEnd(7)} ${who.join(" | ") || "(chưa có đơn vị)"}${it.deadlineText ? `  ⏰ ${it.deadlineText}` : ""}`);
  }
  console.log(`\n${t("tracking:ingest.unmatched", { names: ingest.unmatched.map((u) => `${u.name} (${u.ref})`).join("; ") })}`);
  const again = await ingestDraft(deps, { parsed, forwardedBy: LEADER, chat: LEADER_CHAT });
  console.log(`Chuyển lại lần hai → ${again.code === "duplicate" ? t("tracking:ingest.duplicate", { id: again.dispatchId, status: again.status }) : again.code}`);
  const secret = await ingestDraft(deps, { parsed: { ...parsed, doc: { ...parsed.doc, number: "9/KH-UBND", secrecy: "MẬT" } }, forwardedBy: LEADER });
  console.log(`Văn bản có dấu MẬT → ${secret.code === "secret" ? t("tracking:ingest.secret", { secrecy: secret.secrecy }) : secret.code}`);

  section("3. Lãnh đạo chọn chu kỳ cho mục \"định kỳ\" và xác nhận; bot gửi nhiệm vụ tới từng nhóm");
  for (const it of ingest.draft.items.filter((i) => i.recurrence === "periodic" && i.assignees.some((a) => a.unitIds.length))) {
    await editDraft(deps, { dispatchId: ingest.draft.id, by: LEADER, edit: { type: "set-period", seq: it.seq, recurrence: "quarterly" } });
    console.log(`  ${it.ref}: định kỳ → hằng quý`);
  }
  // Items that reach no unit stop the confirmation (issue 12): the leader marks them "không giao" (not followed).
  const refused = await confirmDraft(deps, { dispatchId: ingest.draft.id, by: LEADER });
  if (refused.code === "unitless") {
    console.log(t("followup:notAssigned.insist", { count: refused.items.length, items: refused.items.map((i) => `${i.seq}. [${i.ref}] ${clip(i.text, 80)}`).join("\n• "), seq: refused.items[0]!.seq }));
    await editDraft(deps, { dispatchId: ingest.draft.id, by: LEADER, edit: { type: "not-assigned", seqs: refused.items.map((i) => i.seq) } });
    console.log(`/khonggiao ${refused.items.map((i) => i.seq).join(" ")} → ${t("followup:notAssigned.marked", { seqs: refused.items.map((i) => i.seq).join(", ") })}`);
  }
  const confirmed = refused.code === "unitless" ? await confirmDraft(deps, { dispatchId: ingest.draft.id, by: LEADER }) : refused;
  if (confirmed.code !== "ok") throw new Error(`confirm: ${confirmed.code}`);
  console.log(t("followup:confirm.ok", { tasks: confirmed.tasks, units: confirmed.units, assignments: confirmed.assignments, posts: confirmed.posts }));
  if (confirmed.unbound.length) console.log(t("tracking:confirm.unbound", { units: confirmed.unbound.map((u) => u.name).join(", ") }));
  if (confirmed.unassigned.length) console.log(t("tracking:confirm.notAssigned", { refs: confirmed.unassigned.map((u) => u.ref).join(", ") }));
  console.log("(Nội dung đầy đủ in cho nhóm lãnh đạo, Hội CTĐ và Sở Y tế; các nhóm khác chỉ in dòng nhiệm vụ.)");
  await deliver();

  section("4. Cán bộ đơn vị trả lời trong nhóm");
  const sentTo = chat.firstPost;
  let n = 0;
  const say = async (unitChat: string, sender: string, words: string, when: string) => {
    clock.set(new Date(`${when}+07:00`));
    const r = await recordReply(deps, {
      eventId: `demo-${++n}`, chat: unitChat, chatType: "group", messageId: `r${n}`, sender: { id: sender, name: sender },
      text: words, replyTo: { messageId: sentTo.get(unitChat)! }, attachments: [],
    });
    console.log(`  ${when.slice(0, 10)} ${names.get(unitChat)}: “${words}”\n      ↳ bot: ${(replyText(r, t) ?? "(im lặng)").split("\n").join("\n             ")}`);
  };
  await say("telegram:-1001006", "telegram:601", "Dạ em đã hoàn thành ạ", "2023-06-20T10:00:00");
  await say("telegram:-1001006", "telegram:601", "Dạ em đã hoàn thành nhiệm vụ 2 ạ", "2023-06-20T10:02:00");
  await say("zalo:g:2005", "zalo:605", "da xong 2", "2023-06-21T15:30:00");
  await say("zalo:g:2005", "zalo:605", "XONG 2", "2023-06-21T15:31:00");
  await say("telegram:-1001004", "telegram:604", "Đang thực hiện, đạt 60%", "2023-07-03T09:00:00");
  await say("telegram:-1001007", "telegram:607", "chưa xong, đang vướng kinh phí", "2023-07-10T09:00:00");
  await say("telegram:-1001001", "telegram:611", "xong", "2023-07-12T09:00:00");
  await say("telegram:-1001001", "telegram:611", "xong 3", "2023-07-12T09:05:00");
  await say("telegram:-1001002", "telegram:602", "hoàn thành chưa nhỉ?", "2023-07-13T09:00:00");
  await say("telegram:-1001002", LEADER, "đề nghị các đơn vị khẩn trương hoàn thành", "2023-07-13T09:10:00");
  await say("telegram:-1001018", "telegram:618", "ok", "2023-07-14T09:00:00");
  await deliver();

  section("5. Đồng hồ tới 13/11/2023 08:30 (7 ngày trước hạn 20/11): nhắc việc");
  clock.set(new Date("2023-11-13T08:30:00+07:00"));
  let tick = await reminderTick(deps);
  console.log(`Nhắc ${tick.reminders} nhiệm vụ trong ${tick.messages} tin.`);
  await deliver();
  console.log(`Chạy lại cùng phút: ${(await reminderTick(deps)).messages} tin mới (không gửi trùng).`);

  section("5b. Đơn vị đề nghị gia hạn; lãnh đạo đồng ý (Quy chế theo dõi, đôn đốc)");
  await say("telegram:-1001007", "telegram:607", "Đề nghị gia hạn nhiệm vụ 2 đến 15/12 vì chưa được cấp kinh phí", "2023-11-14T09:00:00");
  await deliver();
  const pending = await listExtensions(deps, { status: "pending" });
  for (const ext of pending) {
    const decided = await decideExtension(deps, { id: ext.id, by: LEADER, byName: "Đ/c Phó Chủ tịch", approve: true, chat: LEADER_CHAT, messageId: null });
    console.log(`  Lãnh đạo bấm [✅ Đồng ý] (mã ${ext.id}) → ${decisionText(decided, t, String(ext.id))}`);
  }
  await deliver();
  const extendedTask = pending[0];

  section("6. Đồng hồ tới 21/11/2023 08:30 (quá hạn 20/11): nhắc quá hạn và báo lãnh đạo");
  clock.set(new Date("2023-11-21T08:30:00+07:00"));
  tick = await reminderTick(deps);
  console.log(`Nhắc ${tick.reminders} nhiệm vụ trong ${tick.messages} tin.`);
  await deliver();
  await say("telegram:-1001004", "telegram:604", "Báo cáo: đã hoàn thành nhiệm vụ 2", "2023-11-21T10:00:00");

  // Sections 6b and 6c: the leader forwards an amending text, and applies each change to the dispatch it targets.
  const forwardAmending = async (text: string, day: string) => {
    const draft = await ingestDraft(deps, { parsed: withAmendments(readDispatch(text, { refDate: day }), text), forwardedBy: LEADER, chat: LEADER_CHAT, rawText: text });
    if (draft.code !== "ok") throw new Error(`ingest: ${draft.code}`);
    return amendmentOffers(deps, draft.draft.id);
  };
  const applyAs = (amendmentId: number, targetDispatchId: number) =>
    applyAmendment(deps, { amendmentId, targetDispatchId, by: LEADER, byName: "Đ/c Phó Chủ tịch", chat: LEADER_CHAT });

  section("6b. UBND Thành phố ban hành văn bản gia hạn Kế hoạch 164/KH-UBND; lãnh đạo áp dụng");
  clock.set(new Date("2023-11-22T09:00:00+07:00"));
  const amendingText = [
    "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 171/UBND-VX", "V/v gia hạn thời gian thực hiện Kế hoạch số 164/KH-UBND", "",
    "Hà Nội, ngày 22 tháng 11 năm 2023", "",
    "UBND Thành phố gia hạn thời gian thực hiện Kế hoạch số 164/KH-UBND ngày 05/6/2023 đến ngày 15/12/2023.",
  ].join("\n");
  for (const offer of await forwardAmending(amendingText, "2023-11-22")) {
    console.log(`  🔁 ${t(`followup:amendment.kind.${offer.amendment.kind}`, { numbers: offer.amendment.numbers.join(", "), until: offer.amendment.until ? displayDay(offer.amendment.until) : "" })}`);
    for (const target of offer.targets) {
      console.log(`  ${t("followup:amendment.tracked", { id: target.id, number: target.number ?? "", date: target.date ? displayDay(target.date) : "", open: target.open })}`);
      const applied = await applyAs(offer.amendment.id, target.id);
      if (applied.code === "extended") console.log(`  Lãnh đạo bấm [🔁 Áp dụng] → ${t("followup:amendment.doneExtended", { count: applied.count, number: applied.number ?? "", until: displayDay(applied.until) })}`);
    }
  }
  await deliver();

  section("6c. Văn bản sửa đổi, bổ sung từng mục của Kế hoạch 164/KH-UBND; lãnh đạo xem từng thay đổi rồi áp dụng");
  clock.set(new Date("2023-11-24T09:00:00+07:00"));
  const itemsText = [
    "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 178/UBND-VX", "V/v sửa đổi, bổ sung Kế hoạch số 164/KH-UBND", "",
    "Hà Nội, ngày 24 tháng 11 năm 2023", "",
    "UBND Thành phố sửa đổi, bổ sung Kế hoạch số 164/KH-UBND ngày 05/6/2023 như sau:",
    "1. Điều chỉnh thời hạn tại mục III.9 đến ngày 29/12/2023.",
    "2. Sửa đổi mục III.12 như sau: \"UBND các quận, huyện, thị xã vận động ủng hộ Quỹ Nhân đạo, báo cáo kết quả trước ngày 15/12/2023.\"",
    "3. Bổ sung nhiệm vụ III.13: Sở Y tế chủ trì tổ chức hiến máu tình nguyện dịp Tết Nguyên đán, hoàn thành trước ngày 25/01/2024.",
  ].join("\n");
  console.log(itemsText.split("\n").slice(7).map((l) => `  ${l}`).join("\n"));
  for (const offer of await forwardAmending(itemsText, "2023-11-24")) {
    for (const target of offer.targets) {
      if (!target.items) continue;
      console.log(`  Bản xem trước:\n${itemPlanLines(target.items, target.number, t).map((l) => `  ${l}`).join("\n")}`);
      const applied = await applyAs(offer.amendment.id, target.id);
      if (applied.code === "items_applied") {
        console.log(`  Lãnh đạo bấm [🔁 Áp dụng] → ${t("followup:amendmentItems.done", { number: applied.number ?? "", changed: applied.changed, added: applied.added, units: applied.units })} ${t(applied.draftClosed ? "followup:amendmentItems.draftClosed" : "followup:amendmentItems.draftOpen")}`);
      }
    }
  }
  await deliver();

  if (extendedTask) {
    section("6d. Lịch sử một nhiệm vụ (/lichsu)");
    const a = await deps.store.replies.assignment(extendedTask.assignmentId);
    console.log(`/lichsu ${a?.dispatchNumber ?? ""} ${a?.taskRef ?? ""}`);
    const history = await taskHistory(deps, { by: SECRETARY, chat: "telegram:3", assignmentId: extendedTask.assignmentId });
    if (history.code === "ok") console.log(renderHistory(history.history, t));
  }

  section("7. Báo cáo tình hình thực hiện (văn thư/tổng hợp yêu cầu)");
  const report = await statusReport(deps, { by: SECRETARY, request: { kind: "dispatch", dispatchId: ingest.draft.id } });
  if (report.code !== "ok") throw new Error(report.code);
  const extendedFrom = await deps.store.extensions.originalDeadlines(report.report.lines.map((l) => Number(l.row.id)));
  console.log(renderReportText(report.report, t, { extendedFrom }).join("\n\n"));
  const xlsx = join(dir, "bao-cao-164-KH-UBND.xlsx");
  writeFileSync(xlsx, await renderReportXlsx(report.report, { t, now: clock.now(), title: "164/KH-UBND" }));
  console.log(`\nTệp Excel: ${xlsx}`);
  // The official report sent upward (NĐ 30/2020 layout); its table has the .xlsx rows.
  const docx = join(dir, "bao-cao-164-KH-UBND.docx");
  writeFileSync(docx, await renderReportDocx(report.report, {
    t, now: clock.now(), issuer: { parent: "UBND Thành phố Hà Nội", name: "Văn phòng", abbreviation: "VP", place: "Hà Nội", signerTitle: "Chánh Văn phòng" },
  }));
  console.log(`Tệp Word (Báo cáo kết quả thực hiện nhiệm vụ, ${report.report.lines.length} dòng, số và ngày để trống cho văn thư): ${docx}`);

  if (process.argv.includes("--web")) return serveWeb(deps, db, dir);
  await db.close();
  if (!process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  else console.log(`Cơ sở dữ liệu giữ lại tại ${dir}`);
}

/**
 * `npm run demo -- --web`: the demo's office served by the web dashboard on a local port (WEB_PORT, default 8080;
 * 0 picks a free one) with a sign-in link for the demo's secretary, until Ctrl+C. The clock stays at the demo's end.
 */
async function serveWeb(deps: { store: ReturnType<typeof createStore>; clock: ManualClock }, db: Awaited<ReturnType<typeof openDatabase>>, dir: string): Promise<void> {
  section("8. Bảng theo dõi trên web (--web)");
  const port = Number(process.env.WEB_PORT ?? 8080);
  const host = process.env.WEB_HOST ?? "127.0.0.1";
  const web = await startWebServer(
    { ...deps, logger: createLogger("warn"), defaultLang: "vi", filesDir: join(dir, "files"), publicUrl: `http://${host}:${port}` },
    { port, host },
  );
  const link = await issueWebLink(deps, { by: SECRETARY });
  if (link.code !== "ok") throw new Error(link.code);
  // Long enough to look around: the demo clock stands still, so the link stays valid until the process ends.
  console.log(`Bảng theo dõi: ${web.localUrl}/`);
  console.log(`Đăng nhập (văn thư, liên kết dùng một lần): ${web.localUrl}/signin/${link.token}`);
  console.log("Nhấn Ctrl+C để dừng.");
  const stop = async () => {
    await web.close();
    await db.close();
    if (!process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

/** The hand annotation of the sample, as reader output (quotes stand for the text). */
function fromGold(): ParsedDispatch {
  const gold = JSON.parse(readFileSync(SAMPLE.replace(/\.txt$/, ".gold.json"), "utf8")) as { doc: object; tasks: Array<{ quote: string } & object> };
  return parsedDispatchSchema.parse({
    doc: { secrecy: null, urgency: null, ...gold.doc },
    tasks: gold.tasks.map((task) => ({ ...task, text: task.quote })),
    warnings: ["demo: reader found no task, using the annotation"],
  });
}

await main();

/**
 * Pure tracking core: reply classification, the reminder computation and report building/rendering at office scale
 * (100,000 open assignments). No database: the storage bench measures the full tick with its query.
 */
import { translator } from "../src/i18n.js";
import { dueReminders, type OpenAssignment } from "../src/reminders/due-reminders.js";
import { WorkingCalendar } from "../src/reminders/working-days.js";
import { buildReport, type ReportRow } from "../src/reports/report.js";
import { renderReportText } from "../src/reports/render-text.js";
import { renderReportXlsx } from "../src/reports/render-xlsx.js";
import { classifyReply } from "../src/tracking/reply-intent.js";
import { isoFromDayNumber, officeDayNumber } from "../src/tracking/office-day.js";
import { time } from "./timing.js";

const N = 100_000;
const NOW = new Date("2024-06-03T01:30:00Z");
const today = officeDayNumber(NOW);

/** Deadlines spread from 60 days ago to 300 days ahead (≈17 % overdue), 2 % without a deadline, 800 units. */
function assignments(): Array<OpenAssignment & ReportRow> {
  return Array.from({ length: N }, (_, i) => {
    const deadline = i % 50 === 0 ? null : isoFromDayNumber(today - 60 + ((i * 7919) % 360));
    const unitId = i % 800;
    return {
      assignmentId: i, id: i, taskId: Math.floor(i / 3), dispatchId: Math.floor(i / 40), unitId,
      unitName: `Đơn vị số ${unitId}`, chat: unitId % 20 === 0 ? null : `zalo:${unitId}`, deadline, deadlineDate: deadline,
      role: i % 3 === 0 ? "lead" : "coordinate", recurrence: null, dispatchNumber: `${Math.floor(i / 40)}/KH-UBND`,
      dispatchSubject: "Triển khai kế hoạch cải cách hành chính", taskRef: String((i % 14) + 1),
      taskText: "Tổ chức thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh", completedAt: i % 4 === 0 ? new Date(NOW.getTime() - 86_400_000) : null,
      lastReportAt: null, lastReportText: null,
    };
  });
}

export default async function (): Promise<void> {
  const replies = ["Dạ em đã hoàn thành ạ", "xong 2, 3", "chua xong", "hạn chót ngày nào ạ?", "đang thực hiện, đạt 60%", "de nghi cac don vi khan truong hoan thanh"];
  const r = await time(5, () => { for (let i = 0; i < 10_000; i++) classifyReply(replies[i % replies.length]!); });
  console.log(`classifyReply: ${Math.round(10_000 / (r.median / 1000)).toLocaleString("en")} replies/s (median of 5 × 10,000)`);

  const rows = assignments();
  const open = rows; // every one open for the reminder tick
  const calendar = new WorkingCalendar({ extraDaysOff: ["2024-09-03"] });
  const cold = await time(1, () => dueReminders({ openAssignments: open, now: NOW, alreadySent: new Set(), settings: {}, calendar: new WorkingCalendar() }));
  const warm = await time(21, () => dueReminders({ openAssignments: open, now: NOW, alreadySent: new Set(), calendar }));
  const sent = new Set(warm.result.reminders.map((x) => x.key));
  const resent = await time(21, () => dueReminders({ openAssignments: open, now: NOW, alreadySent: sent, calendar }));
  console.log(`dueReminders, ${open.length.toLocaleString("en")} open assignments: ${warm.median.toFixed(1)} ms median, `
    + `min ${warm.min.toFixed(1)} ms, CPU ${warm.cpu.toFixed(1)} ms (first call with a fresh calendar: ${cold.median.toFixed(1)} ms); `
    + `${warm.result.reminders.length.toLocaleString("en")} reminders in ${warm.result.unitDigests.length} digests; `
    + `all already sent: ${resent.median.toFixed(1)} ms median, min ${resent.min.toFixed(1)} ms`);

  const t = translator("vi");
  const build = await time(7, () => buildReport("dispatch", rows, NOW));
  const text = await time(7, () => renderReportText(build.result, t));
  console.log(`report over ${N.toLocaleString("en")} assignments: build ${build.median.toFixed(1)} ms median `
    + `(min ${build.min.toFixed(1)}, CPU ${build.cpu.toFixed(1)}), chat text ${text.median.toFixed(1)} ms `
    + `(${text.result.length} messages: 30 units, 50 detail lines)`);

  for (const size of [1_000, 10_000]) {
    const report = buildReport("dispatch", rows.slice(0, size), NOW);
    const start = performance.now();
    const bytes = await renderReportXlsx(report, { t, now: NOW });
    console.log(`xlsx, ${size.toLocaleString("en")} rows: ${(performance.now() - start).toFixed(0)} ms, ${(bytes.length / 1024).toFixed(0)} KiB`);
  }
  console.log(`RSS after pure-core bench: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
}

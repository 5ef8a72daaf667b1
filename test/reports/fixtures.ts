import type { ReportRow } from "../../src/reports/report.js";

/** Rows of a realistic dispatch (Hà Nội 164/KH-UBND style), seen at 08:30 VN on Mon 03/06/2024. */
export const NOW = new Date("2024-06-03T01:30:00Z");
const vn = (local: string) => new Date(`${local}+07:00`);
const d164 = { dispatchId: 164, dispatchNumber: "164/KH-UBND", dispatchSubject: "Triển khai thực hiện công tác cải cách hành chính năm 2024 trên địa bàn Thành phố" };
const d12 = { dispatchId: 12, dispatchNumber: "1277-CV/HU", dispatchSubject: "V/v tổng kết công tác dân vận năm 2024" };
const none = { lastReportAt: null, lastReportText: null, completedAt: null };

export const ROWS: ReportRow[] = [
  { ...d164, ...none, id: 1, taskId: 1, taskRef: "1", taskText: "Tổ chức quán triệt, tuyên truyền kế hoạch", unitId: 1, unitName: "Sở Nội vụ", role: "lead", deadlineDate: "2024-05-31" },
  { ...d164, ...none, id: 2, taskId: 1, taskRef: "1", taskText: "Tổ chức quán triệt, tuyên truyền kế hoạch", unitId: 2, unitName: "Sở Thông tin và Truyền thông", role: "coordinate", deadlineDate: "2024-05-31" },
  { ...d164, id: 3, taskId: 2, taskRef: "2", taskText: "Rà soát thủ tục hành chính", unitId: 2, unitName: "Sở Thông tin và Truyền thông", role: "lead", deadlineDate: "2024-05-31", completedAt: vn("2024-05-31T23:30:00"), lastReportAt: vn("2024-05-31T23:30:00"), lastReportText: "Dạ em đã hoàn thành ạ" },
  { ...d164, id: 4, taskId: 3, taskRef: "10", taskText: "Báo cáo kết quả 6 tháng", unitId: 1, unitName: "Sở Nội vụ", role: "lead", deadlineDate: "2024-05-20", completedAt: vn("2024-05-22T09:00:00"), lastReportAt: vn("2024-05-22T09:00:00"), lastReportText: "xong" },
  { ...d164, id: 5, taskId: 4, taskRef: "II.3", taskText: "Thường xuyên kiểm tra việc thực hiện", unitId: 3, unitName: "UBND quận Ba Đình", role: "lead", deadlineDate: null, completedAt: null, lastReportAt: vn("2024-06-01T10:00:00"), lastReportText: "đang thực hiện" },
  { ...d164, id: 6, taskId: 5, taskRef: "3", taskText: "Xây dựng cơ sở dữ liệu", unitId: 3, unitName: "UBND quận Ba Đình", role: "lead", deadlineDate: "2024-06-10", ...none },
  { ...d164, id: 7, taskId: 6, taskRef: "4", taskText: "Đánh giá chỉ số hài lòng", unitId: 2, unitName: "Sở Thông tin và Truyền thông", role: "lead", deadlineDate: null, completedAt: vn("2024-05-15T09:00:00"), lastReportAt: null, lastReportText: null },
  { ...d12, ...none, id: 8, taskId: 7, taskRef: "1", taskText: "Tổng kết công tác dân vận", unitId: 1, unitName: "Sở Nội vụ", role: "lead", deadlineDate: "2024-06-03" },
];

import { dirname, join } from "node:path";
import { buildReport, LeadCounts, type Report, type ReportLine, type StatusCounts } from "../reports/report.js";
import type { DashboardRow, HistoryEvent, RowFilter } from "../storage/dashboard-repo.js";
import type { TrackingDeps } from "./deps.js";
import { evidenceFolder, evidenceName } from "./evidence-files.js";
import { numberKey } from "./ingest-draft.js";
import { dayNumber, isoFromDayNumber, officeDay, weekdayOf } from "./office-day.js";
import { daysLeft, statusOf, TASK_STATUSES, type TaskStatus } from "./status.js";
import type { Viewer } from "./web-access.js";

/**
 * What the web dashboard shows, and to whom (decision 0701): the same store and status rules as the chat reports
 * (statusOf, LeadCounts' official categories, lead assignments counted), narrowed to the viewer's unit for officers.
 * Pure of HTML: src/web renders these.
 */

export type Period = "month" | "quarter" | "year";
export const PERIODS: readonly Period[] = ["month", "quarter", "year"];
/** What a search may narrow due days to: a period, or this week (Monday to Sunday). */
export type DueWindow = Period | "week";
export const DUE_WINDOWS: readonly DueWindow[] = ["week", ...PERIODS];
/** A unit's colour on the overview: red overdue, orange due within DUE_SOON_DAYS, green on track. */
export type Health = "red" | "orange" | "green";
export const DUE_SOON_DAYS = 3;
export const PAGE_SIZE = 100;

export type Line = ReportLine<DashboardRow>;

const lineOf = (row: DashboardRow, now: Date): Line => ({
  row,
  status: statusOf({ deadline: row.deadlineDate, completedAt: row.completedAt, now }),
  daysLeft: row.deadlineDate === null ? null : daysLeft(row.deadlineDate, now),
});

const unitOf = (viewer: Viewer): number | undefined => (viewer.scope === "unit" ? viewer.unitId : undefined);
const mayseeUnit = (viewer: Viewer, unitId: number): boolean => viewer.scope === "all" || viewer.unitId === unitId;

function leadCounts(rows: ReadonlyArray<{ status: TaskStatus; role: string; n: number }>): StatusCounts {
  const lead = new LeadCounts();
  for (const r of rows) lead.add(0, "", r.role, r.status, r.n);
  return lead.counts;
}

/** The office-time [from, to] days of the period containing `day`. */
export function periodOf(kind: Period, day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const first = kind === "year" ? 1 : kind === "quarter" ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  const months = kind === "year" ? 12 : kind === "quarter" ? 3 : 1;
  const from = `${y}-${String(first).padStart(2, "0")}-01`;
  const end = new Date(Date.UTC(y, first - 1 + months, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}

/** Monday to Sunday of the week containing `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const n = dayNumber(day);
  const monday = n - ((weekdayOf(n) + 6) % 7);
  return { from: isoFromDayNumber(monday), to: isoFromDayNumber(monday + 6) };
}

export interface UnitHealth {
  unitId: number;
  unitName: string;
  health: Health;
  overdue: number;
  dueSoon: number;
  open: number;
  done: number;
  notReported: number;
}

export interface Overview {
  day: string;
  asOf: Date;
  period: { kind: Period; from: string; to: string };
  periodCounts: StatusCounts;
  totalCounts: StatusCounts;
  /** Worst first: most overdue, then most due soon, then most open. */
  units: UnitHealth[];
  week: { from: string; to: string; total: number; lines: Line[] };
  /** Units with open assignments and no report at all, most first. */
  notReported: Array<{ unitId: number; unitName: string; count: number }>;
  /** Completed lead assignments per month over the last 12 months. */
  completion: Array<{ month: string; onTime: number; late: number }>;
}

export async function overview(deps: TrackingDeps, viewer: Viewer, period: Period = "month"): Promise<Overview> {
  const now = deps.clock.now();
  const day = officeDay(now);
  const repo = deps.store.dashboard;
  const unitId = unitOf(viewer);
  const range = periodOf(period, day);
  const soon = isoFromDayNumber(dayNumber(day) + DUE_SOON_DAYS);
  const names = await repo.unitNames();
  const perUnit = new Map<number, UnitHealth>();
  const dueInPeriod: Array<{ status: TaskStatus; role: string; n: number }> = [];
  const total: Array<{ status: TaskStatus; role: string; n: number }> = [];
  for (const r of await repo.officeSummary(day, soon, range, unitId)) {
    total.push(r);
    if (r.inPeriod) dueInPeriod.push(r);
    let u = perUnit.get(r.unitId);
    if (!u) perUnit.set(r.unitId, (u = { unitId: r.unitId, unitName: names.get(r.unitId) ?? "", health: "green", overdue: 0, dueSoon: 0, open: 0, done: 0, notReported: 0 }));
    u.notReported += r.notReported;
    if (r.role !== "lead") continue;
    if (r.status === "overdue") u.overdue += r.n;
    if (r.status === "overdue" || r.status === "in_progress" || r.status === "no_deadline") u.open += r.n;
    else u.done += r.n;
    u.dueSoon += r.dueSoon;
  }
  const units = [...perUnit.values()];
  for (const u of units) u.health = u.overdue > 0 ? "red" : u.dueSoon > 0 ? "orange" : "green";
  const collator = new Intl.Collator("vi", { numeric: true });
  units.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || collator.compare(a.unitName, b.unitName));
  const week = weekOf(day);
  // From today: what is already overdue is listed with the red units, not as "due this week".
  const due = await repo.dueBetween(day, week.to, 50, unitId);
  const yearAgo = `${Number(day.slice(0, 4)) - 1}-${day.slice(5, 7)}-01`;
  return {
    day,
    asOf: now,
    period: { kind: period, ...range },
    periodCounts: leadCounts(dueInPeriod),
    totalCounts: leadCounts(total),
    units,
    week: { from: week.from, to: week.to, total: due.total, lines: due.rows.map((r) => lineOf(r, now)) },
    notReported: units.filter((u) => u.notReported > 0).map((u) => ({ unitId: u.unitId, unitName: u.unitName, count: u.notReported }))
      .sort((a, b) => b.count - a.count || collator.compare(a.unitName, b.unitName)),
    completion: await repo.completionByMonth({ ...(unitId !== undefined ? { unitId } : {}), from: yearAgo }),
  };
}

/** The dispatches a viewer follows, newest first. */
export async function dispatchList(deps: TrackingDeps, viewer: Viewer) {
  return deps.store.dashboard.dispatches(officeDay(deps.clock.now()), unitOf(viewer) !== undefined ? { unitId: unitOf(viewer)! } : {});
}

export interface MatrixCell {
  line: Line;
  /** The assignment's due day differs from the task's: an extension (or a later occurrence's day). */
  extendedTo: string | null;
  evidence: number;
}

export interface DispatchPage {
  header: NonNullable<Awaited<ReturnType<TrackingDeps["store"]["dashboard"]["dispatchHeader"]>>>;
  counts: StatusCounts;
  totalTasks: number;
  page: number;
  pages: number;
  tasks: Array<{ id: number; ref: string; text: string; deadlineDate: string | null; deadlineText: string | null; occurrence: number; status: string }>;
  units: Array<{ unitId: number; unitName: string }>;
  cells: Map<string, MatrixCell>;
  /**
   * Items of the dispatch no unit follows up ("không giao", or confirmed with no unit before confirming insisted):
   * listed under the matrix, as in /baocao and the exports, so the page hides none of them (issue 12). Empty for a
   * unit's officer, who sees only the unit's own work.
   */
  notAssigned: Array<{ ref: string; text: string; deadlineDate: string | null; marked: boolean }>;
}

export const cellKey = (taskId: number, unitId: number): string => `${taskId}:${unitId}`;

/** A dispatch's header and one page of its tasks × units matrix. Null: no such dispatch, or nothing of it for this viewer. */
export async function dispatchPage(deps: TrackingDeps, viewer: Viewer, dispatchId: number, page = 1): Promise<DispatchPage | null> {
  const repo = deps.store.dashboard;
  const header = await repo.dispatchHeader(dispatchId);
  if (!header || header.status !== "confirmed") return null;
  const now = deps.clock.now();
  const unitId = unitOf(viewer);
  const size = 50;
  const { total, tasks, rows } = await repo.dispatchTasks(dispatchId, officeDay(now), { limit: size, offset: (Math.max(1, page) - 1) * size }, unitId);
  if (unitId !== undefined && total === 0) return null;
  const filter = (await filterOf(deps, viewer, { dispatchId }))!;
  const counts = leadCounts((await repo.rows(officeDay(now), filter, { limit: 0, offset: 0 })).counts);
  const evidence = await repo.evidenceCounts(rows.map((r) => r.id));
  const taskDeadline = new Map(tasks.map((t) => [t.id, t.deadlineDate]));
  const units = new Map<number, string>();
  const cells = new Map<string, MatrixCell>();
  for (const r of rows) {
    units.set(r.unitId, r.unitName);
    const due = taskDeadline.get(r.taskId) ?? null;
    cells.set(cellKey(r.taskId, r.unitId), { line: lineOf(r, now), extendedTo: r.deadlineDate !== due ? r.deadlineDate : null, evidence: evidence.get(r.id) ?? 0 });
  }
  const collator = new Intl.Collator("vi", { numeric: true });
  const notAssigned = unitId !== undefined ? [] : (await deps.store.history.unassignedItems(dispatchId))
    .map((i) => ({ ref: i.ref, text: i.text, deadlineDate: i.deadlineDate, marked: i.notAssigned }));
  return {
    header, counts, totalTasks: total, page, pages: Math.max(1, Math.ceil(total / size)), tasks, cells, notAssigned,
    units: [...units].map(([id, name]) => ({ unitId: id, unitName: name })).sort((a, b) => collator.compare(a.unitName, b.unitName)),
  };
}

export interface UnitPage {
  unit: { id: number; displayName: string };
  counts: StatusCounts;
  open: { total: number; lines: Line[] };
  closed: { total: number; lines: Line[] };
}

/** A unit's open and closed tasks across dispatches (one page each). Null: no such unit, or not this officer's. */
export async function unitPage(deps: TrackingDeps, viewer: Viewer, unitId: number, page = { open: 1, closed: 1 }): Promise<UnitPage | null> {
  if (!mayseeUnit(viewer, unitId)) return null;
  const repo = deps.store.dashboard;
  const unit = await repo.unit(unitId);
  if (!unit) return null;
  const now = deps.clock.now();
  const day = officeDay(now);
  const open = await repo.unitRows(day, unitId, true, { limit: PAGE_SIZE, offset: (Math.max(1, page.open) - 1) * PAGE_SIZE });
  const closed = await repo.unitRows(day, unitId, false, { limit: PAGE_SIZE, offset: (Math.max(1, page.closed) - 1) * PAGE_SIZE });
  return {
    unit,
    counts: leadCounts(await repo.statusCounts(day, { unitId })),
    open: { total: open.total, lines: open.rows.map((r) => lineOf(r, now)) },
    closed: { total: closed.total, lines: closed.rows.map((r) => lineOf(r, now)) },
  };
}

/**
 * One entry of a task's history. `kind` names what happened; events of kinds this module does not know (the
 * extensions feature's, for one) come through as "other" with their stored type and details, so they show without a
 * change here.
 */
export type HistoryEntry =
  | { kind: "sent"; at: Date; unitName: string; chatId: string; reminder: boolean }
  | { kind: "report"; at: Date; unitName: string; actor: string | null; intent: string; outcome: string; note: string | null; percent: number | null; files: Array<{ name: string; eventId: number; index: number }> }
  | { kind: "event"; at: Date; type: string; unitName: string | null; actor: string | null; data: Record<string, unknown> };

export interface TaskPage {
  task: NonNullable<Awaited<ReturnType<TrackingDeps["store"]["dashboard"]["task"]>>>;
  dispatch: NonNullable<Awaited<ReturnType<TrackingDeps["store"]["dashboard"]["dispatchHeader"]>>>;
  lines: Line[];
  history: HistoryEntry[];
}

/** A task with every assignment and its history: sent, reports (with evidence files), edits, other events. */
export async function taskPage(deps: TrackingDeps, viewer: Viewer, taskId: number): Promise<TaskPage | null> {
  const repo = deps.store.dashboard;
  const task = await repo.task(taskId);
  if (!task) return null;
  const dispatch = await repo.dispatchHeader(task.dispatchId);
  if (!dispatch) return null;
  const now = deps.clock.now();
  const unitId = unitOf(viewer);
  const rows = await repo.taskRows(taskId);
  if (unitId !== undefined && !rows.some((r) => r.unitId === unitId)) return null;
  const visible = unitId === undefined ? rows : rows.filter((r) => r.unitId === unitId);
  const unitName = new Map(rows.map((r) => [r.id, r.unitName]));
  const unitNameById = new Map(rows.map((r) => [r.unitId, r.unitName]));
  const visibleIds = new Set(visible.map((r) => r.id));
  // Entries at the same instant keep this order (the sort is stable): the dispatch forwarded and confirmed, then the
  // posts it caused, then what units did.
  const events = (await repo.taskEvents(taskId, task.dispatchId, task.seq)).filter((e) => e.assignmentId === null || visibleIds.has(e.assignmentId));
  const entry = (e: HistoryEvent) => historyEntry(e, e.assignmentId !== null ? (unitName.get(e.assignmentId) ?? null) : e.unitId !== null ? (unitNameById.get(e.unitId) ?? null) : null);
  const history: HistoryEntry[] = events.filter((e) => e.taskId === null).map(entry);
  for (const p of await repo.posts(visible.map((r) => r.id))) {
    history.push({ kind: "sent", at: p.at, unitName: unitName.get(p.assignmentId) ?? "", chatId: p.chatId, reminder: p.kind === "reminder" });
  }
  history.push(...events.filter((e) => e.taskId !== null).map(entry));
  history.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { task, dispatch, lines: visible.map((r) => lineOf(r, now)), history };
}

function historyEntry(e: HistoryEvent, unitName: string | null): HistoryEntry {
  const actor = e.actorName ?? e.actor;
  if (e.type === "reply") {
    const files = Array.isArray(e.data.attachments) ? (e.data.attachments as unknown[]).filter((f): f is string => typeof f === "string") : [];
    return {
      kind: "report", at: e.at, unitName: unitName ?? "", actor, intent: String(e.data.intent ?? ""), outcome: String(e.data.outcome ?? ""),
      note: typeof e.data.note === "string" ? e.data.note : null, percent: typeof e.data.percent === "number" ? e.data.percent : null,
      files: files.map((name, index) => ({ name, eventId: e.id, index })),
    };
  }
  return { kind: "event", at: e.at, type: e.type, unitName, actor, data: e.data };
}

export interface SearchInput {
  /** One dispatch (its page's export). */
  dispatchId?: number;
  /** Số ký hiệu, or part of it ("164", "164/KH-UBND"). */
  number?: string;
  unitId?: number;
  /** Words of the task or the dispatch subject; diacritics optional. */
  text?: string;
  status?: TaskStatus;
  period?: DueWindow;
}

export interface SearchResult {
  counts: StatusCounts;
  /** Every matching row, both roles. */
  total: number;
  page: number;
  pages: number;
  lines: Line[];
}

/** The RowFilter a search means for this viewer; null when it can match nothing (an unknown số ký hiệu). */
async function filterOf(deps: TrackingDeps, viewer: Viewer, input: SearchInput): Promise<RowFilter | null> {
  const repo = deps.store.dashboard;
  const filter: RowFilter = {};
  const own = unitOf(viewer);
  if (own !== undefined && input.unitId !== undefined && input.unitId !== own) return null;
  const unitId = own ?? input.unitId;
  if (unitId !== undefined) filter.unitId = unitId;
  const index = await repo.dispatchIndex();
  let dispatchIds: number[] | undefined = input.dispatchId !== undefined ? [input.dispatchId] : undefined;
  if (input.number?.trim()) {
    const key = numberKey(input.number.trim())!;
    const ids = index.filter((d) => (numberKey(d.number) ?? "").includes(key)).map((d) => d.id);
    dispatchIds = dispatchIds ? dispatchIds.filter((id) => ids.includes(id)) : ids;
  }
  if (dispatchIds?.length === 0) return null;
  // Every dispatch named: no narrowing (and no list of every task id for SQLite to build).
  if (dispatchIds && !index.every((d) => dispatchIds.includes(d.id))) filter.dispatchIds = dispatchIds;
  if (input.text?.trim()) filter.text = await repo.searchText(input.text);
  if (input.status) filter.status = input.status;
  if (input.period) filter.due = input.period === "week" ? weekOf(officeDay(deps.clock.now())) : periodOf(input.period, officeDay(deps.clock.now()));
  return filter;
}

export async function search(deps: TrackingDeps, viewer: Viewer, input: SearchInput, page = 1): Promise<SearchResult> {
  const now = deps.clock.now();
  const filter = await filterOf(deps, viewer, input);
  if (!filter) return { counts: leadCounts([]), total: 0, page: 1, pages: 1, lines: [] };
  const p = Math.max(1, page);
  const { counts, rows } = await deps.store.dashboard.rows(officeDay(now), filter, { limit: PAGE_SIZE, offset: (p - 1) * PAGE_SIZE });
  const total = counts.reduce((s, c) => s + c.n, 0);
  return { counts: leadCounts(counts), total, page: p, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), lines: rows.map((r) => lineOf(r, now)) };
}

/** Every row of a search, as the chat's /xuat report (src/reports renders it as .xlsx). */
export async function searchReport(deps: TrackingDeps, viewer: Viewer, input: SearchInput): Promise<Report<DashboardRow>> {
  const now = deps.clock.now();
  const filter = await filterOf(deps, viewer, input);
  const rows = filter ? await deps.store.dashboard.allRows(officeDay(now), filter) : [];
  return buildReport("dispatch", rows, now);
}

/** Units a viewer may pick in the search form. */
export async function unitChoices(deps: TrackingDeps, viewer: Viewer): Promise<Array<{ id: number; displayName: string }>> {
  const all = await deps.store.dashboard.unitsWithAssignments();
  return viewer.scope === "all" ? all : all.filter((u) => u.id === viewer.unitId);
}

/**
 * An evidence file of a report, if this viewer may have it: the reply event's attachment `index`, kept by the chat
 * layer under <filesDir>/evidence/<event id>/<name> (src/bot/features/replies.ts). The path is built from stored
 * values only, never from the request.
 */
export async function evidenceFile(deps: TrackingDeps, viewer: Viewer, filesDir: string, eventId: number, index: number): Promise<{ path: string; name: string } | null> {
  const e = await deps.store.dashboard.event(eventId);
  if (!e || e.type !== "reply" || e.unitId === null || !mayseeUnit(viewer, e.unitId)) return null;
  const files = Array.isArray(e.data.attachments) ? (e.data.attachments as unknown[]) : [];
  const name = files[index];
  const inbound = e.data.eventId;
  if (typeof name !== "string" || typeof inbound !== "string") return null;
  const folder = join(filesDir, "evidence", evidenceFolder(inbound));
  const path = join(folder, evidenceName(name));
  // A stored name such as ".." must not lead out of the message's folder.
  if (dirname(path) !== folder) return null;
  return { path, name };
}

export { TASK_STATUSES };

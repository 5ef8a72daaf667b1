import { html, raw } from "hono/html";
import type { Translate } from "../i18n.js";
import type { StatusCounts } from "../reports/report.js";
import type { Line } from "../tracking/dashboard.js";
import { displayDay, displayOfficeDay, displayOfficeTime } from "../tracking/office-day.js";
import { TASK_STATUSES, type TaskStatus } from "../tracking/status.js";
import type { Viewer } from "../tracking/web-access.js";

/**
 * The page shell and the pieces every page shares. Every value goes through hono/html's `html` tag, which escapes
 * strings (names and texts come from dispatches and chats); only other `html` fragments pass through unescaped.
 * No inline script or style: the Content-Security-Policy (server.ts) allows files from /static only.
 */
export type Html = ReturnType<typeof html>;

export interface PageInput {
  t: Translate;
  lang: string;
  title: string;
  viewer?: Viewer & { unitName?: string };
  /** Which nav entry is the current page. */
  current?: "overview" | "dispatches" | "search";
  body: Html;
  /** Loads the charting library and the chart glue. */
  charts?: boolean;
}

export function page({ t, lang, title, viewer, current, body, charts }: PageInput): Html {
  const nav = (key: "overview" | "dispatches" | "search", href: string) =>
    html`<li><a href="${href}"${current === key ? html` aria-current="page"` : ""}>${t(`web:nav.${key}`)}</a></li>`;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · dondoc</title>
<link rel="stylesheet" href="/static/dashboard.css">
${charts ? html`<script src="/static/chart.umd.min.js" defer></script><script src="/static/dashboard.js" defer></script>` : ""}
</head>
<body>
<a class="skip" href="#main">${t("web:app.skip")}</a>
<header class="top">
  <p class="brand">dondoc · ${t("web:app.title")}</p>
  ${viewer
    ? html`<nav aria-label="${t("web:nav.label")}"><ul>${nav("overview", "/")}${nav("dispatches", "/dispatches")}${nav("search", "/search")}</ul></nav>
  <div class="who"><span>${t("web:app.signedInAs", { name: viewer.person.name })}${viewer.scope === "unit" && viewer.unitName ? html` · ${t("web:app.unitScope", { unit: viewer.unitName })}` : ""}</span>
    <form method="post" action="/signout"><button type="submit">${t("web:app.signOut")}</button></form></div>`
    : ""}
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

export function statusBadge(t: Translate, status: TaskStatus): Html {
  return html`<span class="badge st-${status}">${t(`reports:status.${status}`)}</span>`;
}

export function deadlineText(t: Translate, line: Pick<Line, "daysLeft" | "status"> & { row: { deadlineDate: string | null } }): Html {
  const d = line.row.deadlineDate;
  if (d === null) return html`${t("web:deadline.none")}`;
  const open = line.status === "overdue" || line.status === "in_progress";
  const hint = !open || line.daysLeft === null ? "" : line.daysLeft < 0 ? t("web:deadline.overdue", { count: -line.daysLeft }) : line.daysLeft === 0 ? t("web:deadline.today") : t("web:deadline.daysLeft", { count: line.daysLeft });
  return html`<time datetime="${d}">${displayDay(d)}</time>${hint ? html` <small>(${hint})</small>` : ""}`;
}

export function lastReport(line: Line): Html {
  if (!line.row.lastReportAt) return html``;
  return html`<small><time datetime="${line.row.lastReportAt.toISOString()}">${displayOfficeDay(line.row.lastReportAt)}</time></small> ${line.row.lastReportText ?? ""}`;
}

/** The official categories as a table: done (on time, late, no deadline), open (in time, overdue), no deadline. */
export function countsTable(t: Translate, counts: StatusCounts, caption: string): Html {
  const row = (s: TaskStatus) => html`<tr><th scope="row">${statusBadge(t, s)}</th><td class="num">${counts[s]}</td></tr>`;
  return html`<table class="counts"><caption>${caption}</caption>
<thead><tr><th scope="col">${t("web:col.category")}</th><th scope="col" class="num">${t("web:col.count")}</th></tr></thead>
<tbody>${TASK_STATUSES.map(row)}</tbody>
<tfoot><tr><th scope="row">${t("reports:total_other", { count: counts.total })}</th><td class="num">${counts.total}</td></tr></tfoot></table>`;
}

/** The rows of a list of assignments (search, unit, due this week). */
export function linesTable(t: Translate, lines: Line[], caption: string, o: { unit?: boolean } = {}): Html {
  const showUnit = o.unit ?? true;
  return html`<div class="scroll"><table class="lines"><caption>${caption}</caption>
<thead><tr><th scope="col">${t("web:col.number")}</th><th scope="col">${t("web:col.ref")}</th><th scope="col">${t("web:col.task")}</th>
${showUnit ? html`<th scope="col">${t("web:col.unit")}</th>` : ""}<th scope="col">${t("web:col.role")}</th><th scope="col">${t("web:col.deadline")}</th>
<th scope="col">${t("web:col.status")}</th><th scope="col">${t("web:col.lastReport")}</th></tr></thead>
<tbody>${lines.map((l) => html`<tr>
<td><a href="/dispatches/${l.row.dispatchId}">${l.row.dispatchNumber ?? t("web:dispatch.noNumber")}</a></td>
<td><a href="/tasks/${l.row.taskId}">${l.row.taskRef}</a></td>
<td class="text">${excerpt(l.row.taskText)}</td>
${showUnit ? html`<td><a href="/units/${l.row.unitId}">${l.row.unitName}</a></td>` : ""}
<td>${t(`web:role.${l.row.role}`)}</td><td>${deadlineText(t, l)}</td><td>${statusBadge(t, l.status)}</td><td class="text">${lastReport(l)}</td></tr>`)}</tbody>
</table></div>`;
}

export function excerpt(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Previous/next links keeping the other query parameters. */
export function pager(t: Translate, current: number, pages: number, hrefOf: (page: number) => string): Html {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="${t("web:page.label")}">
${current > 1 ? html`<a href="${hrefOf(current - 1)}" rel="prev">${t("web:page.prev")}</a>` : ""}
<span>${t("web:page.of", { page: current, pages })}</span>
${current < pages ? html`<a href="${hrefOf(current + 1)}" rel="next">${t("web:page.next")}</a>` : ""}</nav>`;
}

export function asOf(t: Translate, at: Date): Html {
  return html`<p class="asof">${t("web:asOf", { time: displayOfficeTime(at), day: displayOfficeDay(at) })}</p>`;
}

/**
 * Data for the chart glue, as JSON inside a non-executed script element: `<` is written as \u003c so no text can
 * close the element (names come from dispatches).
 */
export function chartData(id: string, data: unknown): Html {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return html`<script type="application/json" id="${id}">${rawJson(json)}</script>`;
}

// The JSON above is already safe inside <script>; html-escaping it would break JSON.parse.
const rawJson = (json: string): Html => raw(json);

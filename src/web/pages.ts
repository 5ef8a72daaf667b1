import { html } from "hono/html";
import type { Translate } from "../i18n.js";
import {
  cellKey, DUE_SOON_DAYS, DUE_WINDOWS, PERIODS, type DispatchPage, type HistoryEntry, type Overview, type SearchInput, type SearchResult, type TaskPage, type UnitPage,
} from "../tracking/dashboard.js";
import { displayDay, displayOfficeDay, displayOfficeTime } from "../tracking/office-day.js";
import { TASK_STATUSES } from "../tracking/status.js";
import type { DispatchSummary } from "../storage/dashboard-repo.js";
import { asOf, chartData, countsTable, deadlineText, excerpt, lastReport, linesTable, pager, statusBadge, type Html } from "./layout.js";

/** The body of each dashboard page (the shell is layout.ts's `page`). */

const when = (at: Date): Html => html`<time datetime="${at.toISOString()}">${displayOfficeDay(at)} ${displayOfficeTime(at)}</time>`;

export function overviewBody(t: Translate, o: Overview): Html {
  const periodLinks = html`<nav class="periods" aria-label="${t("web:overview.period.label")}"><ul>${PERIODS.map((p) =>
    html`<li><a href="/?period=${p}"${p === o.period.kind ? html` aria-current="true"` : ""}>${t(`web:overview.period.${p}`)}</a></li>`)}</ul></nav>`;
  const worst = o.units.slice(0, 15);
  return html`${asOf(t, o.asOf)}
${periodLinks}
<section aria-labelledby="h-counts"><h2 id="h-counts">${t("web:overview.periodCounts", { from: displayDay(o.period.from), to: displayDay(o.period.to) })}</h2>
<p class="note">${t("web:overview.countsNote")}</p>
<div class="two">${countsTable(t, o.periodCounts, t("web:overview.period." + o.period.kind))}${countsTable(t, o.totalCounts, t("web:overview.totalCounts"))}</div>
</section>
<section aria-labelledby="h-units"><h2 id="h-units">${t("web:overview.units")}</h2>
<p class="note">${t("web:overview.unitsCaption", { days: DUE_SOON_DAYS })}</p>
<div class="scroll"><table class="units"><caption class="visually-hidden">${t("web:overview.units")}</caption>
<thead><tr><th scope="col">${t("web:col.unit")}</th><th scope="col">${t("web:col.status")}</th><th scope="col" class="num">${t("web:col.overdue")}</th>
<th scope="col" class="num">${t("web:col.dueSoon", { days: DUE_SOON_DAYS })}</th><th scope="col" class="num">${t("web:col.open")}</th><th scope="col" class="num">${t("web:col.done")}</th>
<th scope="col" class="num">${t("web:col.notReported")}</th></tr></thead>
<tbody>${o.units.map((u) => html`<tr class="health-${u.health}"><th scope="row"><a href="/units/${u.unitId}">${u.unitName}</a></th>
<td><span class="badge h-${u.health}">${t(`web:health.${u.health}`)}</span></td><td class="num">${u.overdue}</td><td class="num">${u.dueSoon}</td>
<td class="num">${u.open}</td><td class="num">${u.done}</td><td class="num">${u.notReported}</td></tr>`)}</tbody></table></div>
</section>
<section aria-labelledby="h-week"><h2 id="h-week">${t("web:overview.week", { from: displayDay(o.week.from), to: displayDay(o.week.to) })}</h2>
${linesTable(t, o.week.lines, t("web:overview.week", { from: displayDay(o.week.from), to: displayDay(o.week.to) }))}
${o.week.total > o.week.lines.length ? html`<p><a href="/search?status=in_progress&amp;period=week">${t("web:overview.weekMore", { count: o.week.total - o.week.lines.length })}</a></p>` : ""}
</section>
<section aria-labelledby="h-silent"><h2 id="h-silent">${t("web:overview.notReported")}</h2>
${o.notReported.length === 0 ? html`<p>${t("web:overview.notReportedNone")}</p>` : html`<ul class="silent">${o.notReported.map((u) => html`<li><a href="/units/${u.unitId}">${u.unitName}</a>: ${u.count}</li>`)}</ul>`}
</section>
<section aria-labelledby="h-charts"><h2 id="h-charts">${t("web:overview.chartCompletion")}</h2>
<figure><canvas id="chart-completion" role="img" aria-label="${t("web:overview.chartCompletion")}. ${t("web:overview.chartAlt")}"></canvas></figure>
${chartData("data-completion", { labels: o.completion.map((c) => c.month), series: [
    { label: t("web:col.onTime"), data: o.completion.map((c) => c.onTime), color: "#1e6b34" },
    { label: t("web:col.late"), data: o.completion.map((c) => c.late), color: "#b3261e" }] })}
<table class="chart-table"><caption>${t("web:overview.chartCompletion")}</caption><thead><tr><th scope="col">${t("web:col.month")}</th><th scope="col" class="num">${t("web:col.onTime")}</th><th scope="col" class="num">${t("web:col.late")}</th></tr></thead>
<tbody>${o.completion.map((c) => html`<tr><th scope="row">${c.month}</th><td class="num">${c.onTime}</td><td class="num">${c.late}</td></tr>`)}</tbody></table>
<h2 id="h-chart-units">${t("web:overview.chartUnits")}</h2>
<figure><canvas id="chart-units" role="img" aria-label="${t("web:overview.chartUnits")}. ${t("web:overview.chartAlt")}"></canvas></figure>
${chartData("data-units", { labels: worst.map((u) => u.unitName), stacked: true, series: [
    { label: t("web:col.overdue"), data: worst.map((u) => u.overdue), color: "#b3261e" },
    { label: t("web:col.dueSoon", { days: DUE_SOON_DAYS }), data: worst.map((u) => u.dueSoon), color: "#8a4b00" },
    { label: t("web:col.open"), data: worst.map((u) => u.open - u.overdue - u.dueSoon), color: "#1d4f91" },
    { label: t("web:col.done"), data: worst.map((u) => u.done), color: "#1e6b34" }] })}
</section>`;
}

export function dispatchListBody(t: Translate, list: DispatchSummary[]): Html {
  if (list.length === 0) return html`<p>${t("web:dispatches.empty")}</p>`;
  return html`<div class="scroll"><table class="dispatches"><caption class="visually-hidden">${t("web:dispatches.title")}</caption>
<thead><tr><th scope="col">${t("web:col.number")}</th><th scope="col">${t("web:col.date")}</th><th scope="col">${t("web:col.subject")}</th><th scope="col">${t("web:col.issuer")}</th><th scope="col">${t("web:col.progress")}</th></tr></thead>
<tbody>${list.map((d) => html`<tr><th scope="row"><a href="/dispatches/${d.id}">${d.number ?? t("web:dispatch.noNumber")}</a></th><td>${d.date ? displayDay(d.date) : ""}</td>
<td class="text">${d.subject ?? ""}</td><td>${d.issuer ?? ""}</td>
<td><meter min="0" max="${Math.max(1, d.total)}" value="${d.done}" aria-label="${t("web:dispatches.progress", { done: d.done, total: d.total, overdue: d.overdue })}"></meter>
${t("web:dispatches.progress", { done: d.done, total: d.total, overdue: d.overdue })}</td></tr>`)}</tbody></table></div>`;
}

export function dispatchBody(t: Translate, d: DispatchPage, asOfAt: Date): Html {
  const h = d.header;
  return html`${asOf(t, asOfAt)}
<section aria-labelledby="h-header"><h2 id="h-header">${t("web:dispatch.header")}</h2>
<dl class="header">
<dt>${t("web:col.number")}</dt><dd>${h.number ?? t("web:dispatch.noNumber")}</dd>
${h.date ? html`<dt>${t("web:col.date")}</dt><dd>${displayDay(h.date)}</dd>` : ""}
${h.issuer ? html`<dt>${t("web:col.issuer")}</dt><dd>${h.issuer}</dd>` : ""}
<dt>${t("web:col.subject")}</dt><dd>${h.subject ?? ""}</dd>
${h.recipients.length ? html`<dt>${t("web:dispatch.recipients")}</dt><dd>${h.recipients.join("; ")}</dd>` : ""}
${h.fileName ? html`<dt>${t("web:dispatch.file")}</dt><dd>${h.fileName}</dd>` : ""}
</dl>
<p><a class="button" href="/search/export.xlsx?dispatch=${h.id}" download>${t("web:dispatch.export")}</a>
<a class="button" href="/search/export.docx?dispatch=${h.id}" download>${t("web:dispatch.exportDocx")}</a></p>
${countsTable(t, d.counts, t("web:overview.totalCounts"))}
</section>
<section aria-labelledby="h-matrix"><h2 id="h-matrix">${t("web:dispatch.matrix")}</h2>
<div class="scroll"><table class="matrix"><caption>${t("web:dispatch.matrixCaption")}</caption>
<thead><tr><th scope="col">${t("web:col.ref")}</th><th scope="col">${t("web:col.task")}</th><th scope="col">${t("web:col.deadline")}</th>
${d.units.map((u) => html`<th scope="col"><a href="/units/${u.unitId}">${u.unitName}</a></th>`)}</tr></thead>
<tbody>${d.tasks.map((task) => html`<tr><th scope="row"><a href="/tasks/${task.id}">${task.ref}</a>${task.occurrence > 1 ? html` <small>(${t("web:task.occurrence", { n: task.occurrence })})</small>` : ""}</th>
<td class="text">${excerpt(task.text, 300)}</td><td>${task.deadlineDate ? displayDay(task.deadlineDate) : task.deadlineText ?? t("web:deadline.none")}</td>
${d.units.map((u) => {
    const c = d.cells.get(cellKey(task.id, u.unitId));
    if (!c) return html`<td class="empty"></td>`;
    return html`<td class="cell"><span class="role">${t(`web:role.${c.line.row.role}Short`)}</span> ${statusBadge(t, c.line.status)}
${c.extendedTo ? html`<br><small>${t("web:dispatch.extended", { date: displayDay(c.extendedTo) })}</small>` : ""}
${c.line.row.lastReportAt ? html`<br><small>${lastReport(c.line)}</small>` : ""}
${c.evidence > 0 ? html`<br><a href="/tasks/${task.id}#files">${t("web:dispatch.evidence", { count: c.evidence })}</a>` : ""}</td>`;
  })}</tr>`)}</tbody></table></div>
${pager(t, d.page, d.pages, (p) => `/dispatches/${h.id}?page=${p}`)}
</section>
${d.notAssigned.length ? notAssignedSection(t, d.notAssigned) : ""}`;
}

/** Items nobody follows up: under the matrix, with why (marked "không giao" by the leader, or left with no unit). */
function notAssignedSection(t: Translate, items: DispatchPage["notAssigned"]): Html {
  return html`<section aria-labelledby="h-not-assigned"><h2 id="h-not-assigned">${t("web:dispatch.notAssigned", { count: items.length })}</h2>
<p>${t("web:dispatch.notAssignedHint")}</p>
<div class="scroll"><table class="not-assigned"><thead><tr><th scope="col">${t("web:col.ref")}</th><th scope="col">${t("web:col.task")}</th><th scope="col">${t("web:col.deadline")}</th><th scope="col">${t("web:dispatch.notAssignedWhy")}</th></tr></thead>
<tbody>${items.map((i) => html`<tr><th scope="row">${i.ref}</th><td class="text">${excerpt(i.text, 300)}</td><td>${i.deadlineDate ? displayDay(i.deadlineDate) : ""}</td>
<td>${t(i.marked ? "web:dispatch.notAssignedMarked" : "web:dispatch.notAssignedNoUnit")}</td></tr>`)}</tbody></table></div>
</section>`;
}

export function unitBody(t: Translate, u: UnitPage, asOfAt: Date, pages: { open: number; closed: number }): Html {
  const size = 100;
  return html`${asOf(t, asOfAt)}
<p><a class="button" href="/search/export.xlsx?unit=${u.unit.id}" download>${t("web:unit.export")}</a>
<a class="button" href="/search/export.docx?unit=${u.unit.id}" download>${t("web:unit.exportDocx")}</a></p>
${countsTable(t, u.counts, t("web:overview.totalCounts"))}
<section aria-labelledby="h-open"><h2 id="h-open">${t("web:unit.open", { count: u.open.total })}</h2>
${linesTable(t, u.open.lines, t("web:unit.open", { count: u.open.total }), { unit: false })}
${pager(t, pages.open, Math.max(1, Math.ceil(u.open.total / size)), (p) => `/units/${u.unit.id}?open=${p}&closed=${pages.closed}`)}
</section>
<section aria-labelledby="h-closed"><h2 id="h-closed">${t("web:unit.closed", { count: u.closed.total })}</h2>
${linesTable(t, u.closed.lines, t("web:unit.closed", { count: u.closed.total }), { unit: false })}
${pager(t, pages.closed, Math.max(1, Math.ceil(u.closed.total / size)), (p) => `/units/${u.unit.id}?open=${pages.open}&closed=${p}`)}
</section>`;
}

export function taskBody(t: Translate, p: TaskPage, asOfAt: Date): Html {
  const task = p.task;
  return html`${asOf(t, asOfAt)}
<p><a href="/dispatches/${p.dispatch.id}">${p.dispatch.docType ?? ""} ${p.dispatch.number ?? t("web:dispatch.noNumber")}</a>: ${p.dispatch.subject ?? ""}</p>
<blockquote class="task-text">${task.text}</blockquote>
<dl class="header"><dt>${t("web:col.deadline")}</dt><dd>${task.deadlineDate ? displayDay(task.deadlineDate) : t("web:deadline.none")}${task.deadlineText ? html` <small>(${task.deadlineText})</small>` : ""}</dd>
${task.recurrence ? html`<dt>${t("web:task.recurrence")}</dt><dd>${task.recurrence} · ${t("web:task.occurrence", { n: task.occurrence })}</dd>` : ""}</dl>
<section aria-labelledby="h-assign"><h2 id="h-assign">${t("web:task.assignments")}</h2>
<div class="scroll"><table class="lines"><caption class="visually-hidden">${t("web:task.assignments")}</caption>
<thead><tr><th scope="col">${t("web:col.unit")}</th><th scope="col">${t("web:col.role")}</th><th scope="col">${t("web:col.deadline")}</th><th scope="col">${t("web:col.status")}</th><th scope="col">${t("web:col.lastReport")}</th></tr></thead>
<tbody>${p.lines.map((l) => html`<tr><th scope="row"><a href="/units/${l.row.unitId}">${l.row.unitName}</a></th><td>${t(`web:role.${l.row.role}`)}</td><td>${deadlineText(t, l)}</td>
<td>${statusBadge(t, l.status)}</td><td class="text">${lastReport(l)}</td></tr>`)}</tbody></table></div>
</section>
<section aria-labelledby="h-history"><h2 id="h-history">${t("web:task.history")}</h2>
<ol class="history">${p.history.map((e) => html`<li>${when(e.at)} — ${historyText(t, e)}</li>`)}</ol>
</section>`;
}

function historyText(t: Translate, e: HistoryEntry): Html {
  if (e.kind === "sent") return html`${t(e.reminder ? "web:task.reminder" : "web:task.sent", { unit: e.unitName })}`;
  if (e.kind === "report") {
    const intent = t(`web:task.intent.${e.intent}`, { defaultValue: e.intent });
    const outcome = t(`web:task.outcome.${e.outcome}`, { defaultValue: e.outcome });
    return html`<strong>${t("web:task.report", { unit: e.unitName })}</strong> (${intent}; ${outcome}${e.percent !== null ? html`; ${t("web:task.percent", { percent: e.percent })}` : ""})${e.actor ? html` · ${e.actor}` : ""}
${e.note ? html`<q>${e.note}</q>` : ""}
${e.files.length ? html`<div id="files"><span>${t("web:task.files")}:</span> <ul>${e.files.map((f) => html`<li><a href="/evidence/${f.eventId}/${f.index}" download>${f.name}</a></li>`)}</ul></div>` : ""}`;
  }
  const known = t(`web:task.event.${e.type}`, { defaultValue: "" });
  return html`${known || t("web:task.event.other", { type: e.type })}${e.unitName ? html` · ${e.unitName}` : ""}${e.actor ? html` · ${e.actor}` : ""}`;
}

export function searchBody(t: Translate, input: SearchInput, units: Array<{ id: number; displayName: string }>, r: SearchResult, query: string): Html {
  const opt = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;
  return html`<form method="get" action="/search" class="filters" role="search">
<div><label for="f-number">${t("web:search.number")}</label><input id="f-number" name="number" value="${input.number ?? ""}" autocomplete="off"></div>
<div><label for="f-unit">${t("web:search.unit")}</label><select id="f-unit" name="unit">${opt("", t("web:search.any"), input.unitId === undefined)}${units.map((u) => opt(String(u.id), u.displayName, input.unitId === u.id))}</select></div>
<div><label for="f-text">${t("web:search.text")}</label><input id="f-text" name="text" type="search" value="${input.text ?? ""}"></div>
<div><label for="f-status">${t("web:search.status")}</label><select id="f-status" name="status">${opt("", t("web:search.any"), !input.status)}${TASK_STATUSES.map((s) => opt(s, t(`reports:status.${s}`), input.status === s))}</select></div>
<div><label for="f-period">${t("web:search.period")}</label><select id="f-period" name="period">${opt("", t("web:search.any"), !input.period)}${DUE_WINDOWS.map((p) => opt(p, t(`web:overview.period.${p}`), input.period === p))}</select></div>
<div class="actions"><button type="submit">${t("web:search.submit")}</button> <a class="button" href="/search/export.xlsx${query ? `?${query}` : ""}" download>${t("web:search.export")}</a>
<a class="button" href="/search/export.docx${query ? `?${query}` : ""}" download>${t("web:search.exportDocx")}</a></div>
</form>
<p role="status">${t("web:search.results", { count: r.total })}</p>
${countsTable(t, r.counts, t("web:search.title"))}
${r.lines.length === 0 ? html`<p>${t("web:search.empty")}</p>` : linesTable(t, r.lines, t("web:search.results", { count: r.total }))}
${pager(t, r.page, r.pages, (p) => `/search?${query ? `${query}&` : ""}page=${p}`)}`;
}

export function messageBody(t: Translate, text: string, again = false): Html {
  return html`<p class="message">${text}</p>${again ? html`<p>${t("web:signin.again")}</p>` : html`<p><a href="/">${t("web:error.back")}</a></p>`}`;
}

export function signinBody(t: Translate, token: string): Html {
  return html`<p>${t("web:signin.prompt")}</p>
<form method="post" action="/signin/${encodeURIComponent(token)}"><button type="submit" autofocus>${t("web:signin.button")}</button></form>`;
}

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isLang, translator, type Lang, type Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { renderReportDocx, type ReportIssuer } from "../reports/render-docx.js";
import type { Report } from "../reports/report.js";
import { renderReportXlsx } from "../reports/render-xlsx.js";
import {
  dispatchList, dispatchPage, DUE_WINDOWS, evidenceFile, overview, PERIODS, type DueWindow, search, searchReport, taskPage, unitChoices, unitPage, type Period, type SearchInput,
} from "../tracking/dashboard.js";
import type { TrackingDeps } from "../tracking/deps.js";
import { officeDay } from "../tracking/office-day.js";
import { TASK_STATUSES, type TaskStatus } from "../tracking/status.js";
import { redeemWebLink, sessionViewer, signOut, WEB_SESSION_TTL_MS, type Viewer } from "../tracking/web-access.js";
import { page, type Html } from "./layout.js";
import { dispatchBody, dispatchListBody, messageBody, overviewBody, searchBody, signinBody, taskBody, unitBody } from "./pages.js";

/**
 * The web dashboard (decision 0701): Hono on Node's HTTP server, server-rendered HTML, two small static scripts for
 * the charts. It reads through the tracking use cases in src/tracking/dashboard.ts and web-access.ts only, the same
 * store the chat uses; it writes nothing but its own sessions.
 */
export interface WebDeps extends TrackingDeps {
  logger: Logger;
  defaultLang: Lang;
  /** Where the chat layer keeps evidence files (BotSettings.filesDir). */
  filesDir: string;
  /** The public address people open (behind the office's HTTPS proxy); https makes the cookie Secure. */
  publicUrl: string;
  /** Cơ quan ban hành of the .docx report (OFFICE_* config, as the chat's /xuat); default DEFAULT_ISSUER. */
  reportIssuer?: ReportIssuer;
}

export const SESSION_COOKIE = "dondoc_session";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const require = createRequire(import.meta.url);
const assetsDir = fileURLToPath(new URL("./assets/", import.meta.url));
/** Served from the bot itself: offices are often offline, so no CDN. */
const STATIC: Record<string, { path: string; type: string }> = {
  // chart.js exports no subpath for its UMD build: it sits beside the main entry (dist/).
  "chart.umd.min.js": { path: join(dirname(require.resolve("chart.js")), "chart.umd.min.js"), type: "text/javascript; charset=utf-8" },
  "dashboard.js": { path: `${assetsDir}dashboard.js`, type: "text/javascript; charset=utf-8" },
  "dashboard.css": { path: `${assetsDir}dashboard.css`, type: "text/css; charset=utf-8" },
};

type Env = { Variables: { viewer: Viewer & { sessionId: number; unitName?: string }; t: Translate; lang: Lang } };

export function createWebApp(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();
  const secure = deps.publicUrl.startsWith("https:");
  const publicOrigin = new URL(deps.publicUrl).origin;
  const staticCache = new Map<string, Buffer>();

  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    // Not "no-referrer": Chromium then sends "Origin: null" with the forms' POSTs.
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    if (!c.req.path.startsWith("/static/")) c.header("Cache-Control", "no-store");
  });

  app.onError((error, c) => {
    deps.logger.error("web", { error, path: c.req.path });
    return c.text("500", 500);
  });

  app.get("/healthz", (c) => c.text("ok"));

  app.get("/static/:name", async (c) => {
    const asset = STATIC[c.req.param("name")];
    if (!asset) return c.notFound();
    let body = staticCache.get(asset.path);
    if (!body) staticCache.set(asset.path, (body = await readFile(asset.path)));
    return c.body(new Uint8Array(body), 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=3600" });
  });

  const anonymous = (c: Context<Env>): { t: Translate; lang: Lang } => {
    const wanted = (c.req.header("accept-language") ?? "").toLowerCase().startsWith("en") ? "en" : deps.defaultLang;
    return { t: translator(wanted), lang: wanted };
  };
  const message = (c: Context<Env>, status: 401 | 403 | 404 | 410, title: string, text: string, again: boolean) => {
    const { t, lang } = anonymous(c);
    return c.html(page({ t, lang, title, body: messageBody(t, text, again) }).toString(), status);
  };

  // The link from chat: GET only shows a button, so a chat app's link preview cannot spend the one-time token.
  app.get("/signin/:token", (c) => {
    const { t, lang } = anonymous(c);
    return c.html(page({ t, lang, title: t("web:signin.title"), body: signinBody(t, c.req.param("token")) }).toString());
  });

  app.post("/signin/:token", async (c) => {
    if (!sameOrigin(c, publicOrigin)) return c.text("403", 403);
    const result = await redeemWebLink(deps, c.req.param("token"));
    if (result.code !== "ok") {
      const { t } = anonymous(c);
      return message(c, result.code === "expired" || result.code === "used" ? 410 : 401, t("web:signin.title"), t(`web:signin.${result.code}`), true);
    }
    setCookie(c, SESSION_COOKIE, result.sessionToken, { httpOnly: true, sameSite: "Strict", secure, path: "/", maxAge: Math.floor(WEB_SESSION_TTL_MS / 1000) });
    return c.redirect("/", 303);
  });

  app.post("/signout", async (c) => {
    if (!sameOrigin(c, publicOrigin)) return c.text("403", 403);
    await signOut(deps, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
    const { t } = anonymous(c);
    return message(c, 401, t("web:signin.signedOut"), t("web:signin.signedOut"), true);
  });

  // Everything below needs a session.
  app.use("*", async (c, next) => {
    const viewer = await sessionViewer(deps, getCookie(c, SESSION_COOKIE));
    if (!viewer) {
      const { t } = anonymous(c);
      return message(c, 401, t("web:signin.required"), t("web:signin.required"), true);
    }
    const lang: Lang = isLang(viewer.person.lang) ? viewer.person.lang : deps.defaultLang;
    const unitName = viewer.scope === "unit" ? (await deps.store.dashboard.unit(viewer.unitId))?.displayName : undefined;
    c.set("viewer", { ...viewer, ...(unitName ? { unitName } : {}) });
    c.set("t", translator(lang));
    c.set("lang", lang);
    await next();
  });

  const render = (c: Context<Env>, title: string, body: Html, extra: { current?: "overview" | "dispatches" | "search"; charts?: boolean } = {}) =>
    c.html(page({ t: c.get("t"), lang: c.get("lang"), title, viewer: c.get("viewer"), body, ...extra }).toString());
  const notFound = (c: Context<Env>, key: string) => c.html(page({ t: c.get("t"), lang: c.get("lang"), title: c.get("t")("web:error.notFound"), viewer: c.get("viewer"), body: messageBody(c.get("t"), c.get("t")(key)) }).toString(), 404);

  app.get("/", async (c) => {
    const period = (PERIODS as readonly string[]).includes(c.req.query("period") ?? "") ? (c.req.query("period") as Period) : "month";
    const o = await overview(deps, c.get("viewer"), period);
    return render(c, c.get("t")("web:overview.title"), overviewBody(c.get("t"), o), { current: "overview", charts: true });
  });

  app.get("/dispatches", async (c) => render(c, c.get("t")("web:dispatches.title"), dispatchListBody(c.get("t"), await dispatchList(deps, c.get("viewer"))), { current: "dispatches" }));

  app.get("/dispatches/:id{[0-9]{1,12}}", async (c) => {
    const t = c.get("t");
    const d = await dispatchPage(deps, c.get("viewer"), Number(c.req.param("id")), positive(c.req.query("page")));
    if (!d) return notFound(c, "web:dispatch.notFound");
    const title = t("web:dispatch.title", { type: d.header.docType ?? "", number: d.header.number ?? t("web:dispatch.noNumber") }).trim();
    return render(c, title, dispatchBody(t, d, deps.clock.now()), { current: "dispatches" });
  });

  app.get("/units/:id{[0-9]{1,12}}", async (c) => {
    const pages = { open: positive(c.req.query("open")), closed: positive(c.req.query("closed")) };
    const u = await unitPage(deps, c.get("viewer"), Number(c.req.param("id")), pages);
    if (!u) return notFound(c, "web:unit.notFound");
    return render(c, c.get("t")("web:unit.title", { unit: u.unit.displayName }), unitBody(c.get("t"), u, deps.clock.now(), pages));
  });

  app.get("/tasks/:id{[0-9]{1,12}}", async (c) => {
    const t = c.get("t");
    const p = await taskPage(deps, c.get("viewer"), Number(c.req.param("id")));
    if (!p) return notFound(c, "web:task.notFound");
    return render(c, t("web:task.title", { ref: p.task.ref, number: p.dispatch.number ?? t("web:dispatch.noNumber") }), taskBody(t, p, deps.clock.now()));
  });

  app.get("/search", async (c) => {
    const input = searchInput(c);
    const viewer = c.get("viewer");
    const r = await search(deps, viewer, input, positive(c.req.query("page")));
    return render(c, c.get("t")("web:search.title"), searchBody(c.get("t"), input, await unitChoices(deps, viewer), r, queryOf(input)), { current: "search" });
  });

  // What a search (or a dispatch's page) shows, as a file: the same rows and viewer restriction for every format.
  const exportRoute = (ext: string, type: string, render: (report: Report, o: { t: Translate; now: Date; title?: string }) => Promise<Buffer>) =>
    app.get(`/search/export.${ext}`, async (c) => {
      const input = searchInput(c);
      const report = await searchReport(deps, c.get("viewer"), input);
      const now = deps.clock.now();
      const title = [input.number, input.text].filter(Boolean).join(" · ") || undefined;
      const bytes = await render(report, { t: c.get("t"), now, ...(title ? { title } : {}) });
      return c.body(new Uint8Array(bytes), 200, {
        "Content-Type": type,
        "Content-Disposition": `attachment; filename="bao-cao-${officeDay(now)}.${ext}"`,
      });
    });
  exportRoute("xlsx", XLSX, (report, o) => renderReportXlsx(report, o));
  // The official report (NĐ 30/2020 layout); the search words are not its trích yếu, so it keeps the report's own.
  exportRoute("docx", DOCX, (report, o) => renderReportDocx(report, { t: o.t, now: o.now, ...(deps.reportIssuer ? { issuer: deps.reportIssuer } : {}) }));

  app.get("/evidence/:event{[0-9]{1,12}}/:index{[0-9]{1,4}}", async (c) => {
    const file = await evidenceFile(deps, c.get("viewer"), deps.filesDir, Number(c.req.param("event")), Number(c.req.param("index")));
    if (!file) return notFound(c, "web:error.forbidden");
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch {
      return notFound(c, "web:error.notFound");
    }
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });

  app.notFound((c) => c.text("404", 404));
  return app;
}

/**
 * A POST from another site is refused (SameSite=Strict already keeps the cookie away; this also covers sign-in and
 * sign-out, which need no cookie). Browsers say where a request comes from in Sec-Fetch-Site, or at least in Origin;
 * behind the office's proxy the origin is the public address.
 */
function sameOrigin(c: Context, publicOrigin: string): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = c.req.header("origin");
  if (!origin) return true;
  return origin === new URL(c.req.url).origin || origin === publicOrigin;
}

function positive(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 1e7 ? n : 1;
}

function searchInput(c: Context<Env>): SearchInput {
  const q = (k: string) => (c.req.query(k) ?? "").slice(0, 200).trim();
  const input: SearchInput = {};
  if (q("number")) input.number = q("number");
  if (/^\d{1,12}$/.test(q("unit"))) input.unitId = Number(q("unit"));
  if (/^\d{1,12}$/.test(q("dispatch"))) input.dispatchId = Number(q("dispatch"));
  if (q("text")) input.text = q("text");
  if ((TASK_STATUSES as readonly string[]).includes(q("status"))) input.status = q("status") as TaskStatus;
  if ((DUE_WINDOWS as readonly string[]).includes(q("period"))) input.period = q("period") as DueWindow;
  return input;
}

function queryOf(input: SearchInput): string {
  const params = new URLSearchParams();
  if (input.number) params.set("number", input.number);
  if (input.unitId !== undefined) params.set("unit", String(input.unitId));
  if (input.dispatchId !== undefined) params.set("dispatch", String(input.dispatchId));
  if (input.text) params.set("text", input.text);
  if (input.status) params.set("status", input.status);
  if (input.period) params.set("period", input.period);
  return params.toString();
}

export interface WebServer {
  /** Where it listens (http://127.0.0.1:PORT). */
  localUrl: string;
  close(): Promise<void>;
}

/** Starts the dashboard on `port` (0: any free port) and `host`. */
export async function startWebServer(deps: WebDeps, o: { port: number; host: string }): Promise<WebServer> {
  const app = createWebApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    localUrl: `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}

/**
 * Health endpoints for a load balancer or process manager in front of several workers:
 *   GET /healthz  liveness: the process answers (200 always, with the worker's name);
 *   GET /readyz   readiness: the database answers and every configured platform session is up (200, else 503),
 *                 with each check's result, so the balancer sends webhook updates only to workers that can act.
 * Plain node:http on its own port: nothing else is served there, and nothing secret is in the answers.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A named check: true, "ok" or "ok (…)" when ready; false or a short reason when not. Checks that throw or do not
 * answer in time count as not ready.
 */
export type ReadinessCheck = () => Promise<boolean | string> | boolean | string;

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: {
  port: number;
  host?: string;
  worker: string;
  checks: Record<string, ReadinessCheck>;
  /** Each check's time limit: a database that hangs is not ready (default 2 s). */
  timeoutMs?: number;
}): Promise<HealthServer> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET" && req.method !== "HEAD") return reply(405, { error: "method not allowed" });
    if (path === "/healthz") return reply(200, { status: "ok", worker: options.worker });
    if (path !== "/readyz") return reply(404, { error: "not found" });
    void readiness(options.checks, timeoutMs).then((checks) => {
      const ready = Object.values(checks).every((c) => c === "ok" || c.startsWith("ok "));
      reply(ready ? 200 : 503, { status: ready ? "ready" : "not ready", worker: options.worker, checks });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readiness(checks: Record<string, ReadinessCheck>, timeoutMs: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const result = await Promise.race([
          Promise.resolve().then(check),
          new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs))),
        ]);
        out[name] = result === true ? "ok" : result === false ? "down" : result;
      } catch (error) {
        out[name] = error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return out;
}

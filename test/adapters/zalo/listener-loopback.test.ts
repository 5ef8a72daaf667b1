// Row 1 of issue 11 with zca-js's real Listener (built by its own API class) and a real WebSocket on 127.0.0.1: what
// happens when dondoc lets a listener go. No Zalo protocol is spoken: the socket only opens, stalls or drops.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { API } from "zca-js";
import { settle } from "./fake-zalo.js";
import { startHarness, type Harness } from "./harness.js";
import type { ZaloApi } from "../../../src/adapters/zalo/zalo-api.js";

let h: Harness | undefined;
let server: Server | undefined;
let wss: WebSocketServer | undefined;
const stalled: Socket[] = [];
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

afterEach(async () => {
  await h?.close();
  h = undefined;
  wss?.clients.forEach((c) => c.terminate());
  wss?.close();
  for (const socket of stalled.splice(0)) socket.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  process.off("uncaughtException", onUncaught);
});

/** zca-js's own API object, its Listener pointed at `wsUrl`; retries a 1006 after 100 ms as Zalo's settings say. */
function realApi(wsUrl: string): ZaloApi {
  const ctx = {
    API_TYPE: 30,
    API_VERSION: 685,
    uploadCallbacks: new Map(),
    secretKey: "c2VjcmV0",
    uid: "2930485761203948571",
    imei: "imei",
    cookie: { getCookieStringSync: () => "zpw_sek=x", toJSON: () => ({ cookies: [] }) },
    userAgent: "Mozilla/5.0 (test)",
    language: "vi",
    options: { selfListen: false, checkUpdate: false, logging: false, polyfill: fetch },
    settings: {
      features: {
        socket: { retries: { "1006": { max: 3, times: [100] } }, close_and_retry_codes: [1006], rotate_error_codes: [], ping_interval: 600_000 },
        sharefile: { max_file: 10, max_size_share_file_v3: 100, restricted_ext_file: [], chunk_size_file: 1_000_000 },
      },
    },
  };
  const serviceMap = new Proxy({}, { get: () => ["http://127.0.0.1:9"] });
  return new (API as unknown as new (c: unknown, m: unknown, w: string[]) => ZaloApi)(ctx, serviceMap, [wsUrl]);
}

async function listen(onUpgrade?: () => void): Promise<string> {
  server = createServer();
  if (onUpgrade) {
    // Never answers: the handshake stalls, as on a slow network.
    server.on("upgrade", (_req, socket: Socket) => {
      stalled.push(socket);
      onUpgrade();
    });
  }
  else {
    wss = new WebSocketServer({ server });
  }
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

it("stop while zca-js's WebSocket is still connecting: its 'error' is handled, the process does not crash", async () => {
  process.on("uncaughtException", onUncaught);
  let upgrades = 0;
  const url = await listen(() => upgrades++);
  h = await startHarness({ start: false });
  const api = realApi(url);
  h.zalo.client.login = async () => api;
  await h.adapter.start();
  while (upgrades === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  await h.adapter.stop();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await settle();
  expect(uncaught).toEqual([]);
});

it("a let-go listener's pending zca-js retry (after a 1006) never opens a new connection", async () => {
  const url = await listen();
  let connections = 0;
  wss!.on("connection", (socket) => {
    connections++;
    if (connections === 1) setTimeout(() => socket.terminate(), 20); // the network drops: 1006, zca-js retries in 100 ms
  });
  h = await startHarness({ start: false });
  const api = realApi(url);
  let dropped = false;
  api.listener.on("disconnected", () => (dropped = true));
  h.zalo.client.login = async () => api;
  await h.adapter.start();
  while (!dropped) await new Promise((resolve) => setTimeout(resolve, 5));
  await h.adapter.stop(); // dondoc lets it go while zca-js's retry timer is pending
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(connections).toBe(1);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Inbound } from "../../../src/chat/port.js";
import { ZaloAdapter, type ZaloAdapterOptions, type ZaloInboundReaction, type ZaloSessionProblem } from "../../../src/adapters/zalo/index.js";
import { writeCredentials } from "../../../src/adapters/zalo/credentials.js";
import type { FetchLike } from "../../../src/adapters/zalo/inbound.js";
import { FakeZalo } from "./fake-zalo.js";

export const SAVED_CREDENTIALS = {
  imei: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b-abcdef0123456789abcdef0123456789",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  cookie: [{ key: "zpw_sek", value: "saved-session", domain: "chat.zalo.me", path: "/" }],
};

export interface Harness {
  zalo: FakeZalo;
  adapter: ZaloAdapter;
  inbound: Inbound[];
  problems: ZaloSessionProblem[];
  reactions: ZaloInboundReaction[];
  waits: number[];
  printed: string[];
  downloads: string[];
  dir: string;
  credentialsPath: string;
  qrPath: string;
  close(): Promise<void>;
}

/** A started adapter over a fresh FakeZalo; `saved: false` leaves no saved session (QR login). */
export async function startHarness(
  options: { saved?: boolean; start?: boolean; adapter?: Partial<ZaloAdapterOptions>; setup?: (zalo: FakeZalo) => void } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-zalo-"));
  const credentialsPath = join(dir, "data", "zalo-credentials.json");
  const qrPath = join(dir, "data", "zalo-qr.png");
  if (options.saved ?? true) await writeCredentials(credentialsPath, SAVED_CREDENTIALS as never);
  const zalo = new FakeZalo();
  options.setup?.(zalo);
  const h: Omit<Harness, "adapter" | "close"> = { zalo, inbound: [], problems: [], reactions: [], waits: [], printed: [], downloads: [], dir, credentialsPath, qrPath };
  const fetchFake: FetchLike = async (url) => {
    h.downloads.push(url);
    return { ok: true, status: 200, arrayBuffer: async () => new TextEncoder().encode(`bytes of ${url}`).buffer as ArrayBuffer };
  };
  const adapter = new ZaloAdapter({
    client: zalo.client,
    credentialsPath,
    qrPath,
    onInbound: async (event) => {
      h.inbound.push(event);
    },
    onSessionProblem: (problem) => {
      h.problems.push(problem);
    },
    onReaction: (reaction) => {
      h.reactions.push(reaction);
    },
    fetch: fetchFake,
    wait: async (ms) => {
      h.waits.push(ms);
    },
    printQr: (drawing) => h.printed.push(drawing),
    ...options.adapter,
  });
  if (options.start ?? true) await adapter.start();
  return {
    ...h,
    adapter,
    close: async () => {
      await adapter.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

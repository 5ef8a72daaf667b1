import type { CloseReason } from "zca-js";
import type { Logger } from "../../logger.js";
import { logIn } from "./login.js";
import { backoffDelay, type Backoff, type ZaloSessionProblem } from "./session-problem.js";
import type { ZaloApi, ZaloListener, ZaloLoginClient } from "./zalo-api.js";

export interface SessionOptions {
  client: ZaloLoginClient;
  credentialsPath: string;
  qrPath: string;
  allowQrLogin: boolean;
  qrAfterAttempts: number;
  qrRefreshes: number;
  backoff: Backoff;
  printQr: (drawing: string) => void;
  wait: (ms: number) => Promise<void>;
  now: () => number;
  logger: Logger;
  report: (problem: ZaloSessionProblem) => void;
  /** A fresh listener (first login or after a reconnect): subscribe to its message events before it starts. */
  onListener: (listener: ZaloListener) => void;
  /** The listener is connected; `downSince` is set when this follows an outage. */
  onConnected: (downSince: number | undefined) => void;
}

/**
 * One logged-in Zalo session and its recovery. zca-js retries the close codes Zalo marks as retryable by itself;
 * "closed" means it gave up or was kicked (3000: the account opened in Zalo Web elsewhere, 3003: a new login). Then
 * this logs in again with exponential backoff, retrying the saved session `qrAfterAttempts` times before a QR.
 */
export class ZaloSession {
  private current: ZaloApi | undefined;
  private stopped = false;
  private reconnecting = false;
  private downSince: number | undefined;
  ownId = "";

  constructor(private readonly o: SessionOptions) {}

  /** The live API, or undefined while logged out or reconnecting. */
  get api(): ZaloApi | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect(this.o.allowQrLogin);
  }

  stop(): void {
    this.stopped = true;
    this.detach();
  }

  /** A call found the session expired without the listener closing: drop it and log in again in the background. */
  lost(reason: string): void {
    if (!this.current) return;
    this.goDown({ kind: "closed", code: 0, reason, attempt: 1, retryInMs: 0 });
  }

  private async connect(allowQr: boolean): Promise<void> {
    const api = await logIn(this.o.client, {
      credentialsPath: this.o.credentialsPath,
      qrPath: this.o.qrPath,
      allowQr,
      qrRefreshes: this.o.qrRefreshes,
      printQr: this.o.printQr,
      logger: this.o.logger,
      onQr: ({ pngPath, png }) => this.o.report({ kind: "qr_required", pngPath, png }),
    });
    if (this.stopped) return;
    this.current = api;
    this.ownId = String(api.getOwnId());
    const downSince = this.downSince;
    this.downSince = undefined;
    const listener = api.listener;
    this.o.onListener(listener);
    listener.on("connected", () => {
      this.o.logger.info("zalo: listener connected");
      this.o.onConnected(downSince);
    });
    listener.on("disconnected", (code, reason) => this.o.logger.warn("zalo: listener disconnected", { code, reason }));
    listener.on("closed", (code: CloseReason, reason: string) => {
      if (this.current?.listener !== listener) return; // a listener we already let go of
      this.o.logger.warn("zalo: listener closed", { code, reason });
      this.goDown({ kind: "closed", code, reason, attempt: 1, retryInMs: 0 });
    });
    listener.on("error", (error) => {
      this.o.logger.error("zalo: listener error", { error });
      this.o.report({ kind: "error", error: describeError(error) });
    });
    listener.start({ retryOnClose: true });
    this.o.logger.info("zalo: logged in", { ownId: this.ownId });
  }

  private goDown(first: Extract<ZaloSessionProblem, { kind: "closed" }>): void {
    this.downSince ??= this.o.now();
    this.detach();
    if (!this.stopped) void this.reconnect(first);
  }

  private detach(): void {
    const listener = this.current?.listener;
    this.current = undefined;
    if (!listener) return;
    listener.removeAllListeners();
    try {
      listener.stop();
    } catch (error) {
      this.o.logger.warn("zalo: stopping the listener failed", { error });
    }
  }

  private async reconnect(first: Extract<ZaloSessionProblem, { kind: "closed" }>): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    let problem: Extract<ZaloSessionProblem, { kind: "closed" | "login_failed" }> = first;
    try {
      for (let attempt = 1; !this.stopped; attempt++) {
        if (attempt > this.o.backoff.maxAttempts) {
          this.o.report({ kind: "gave_up", attempts: attempt - 1 });
          return;
        }
        const delay = backoffDelay(this.o.backoff, attempt);
        this.o.report({ ...problem, attempt, retryInMs: delay });
        await this.o.wait(delay);
        if (this.stopped) return;
        try {
          await this.connect(this.o.allowQrLogin && attempt > this.o.qrAfterAttempts);
          return;
        } catch (error) {
          this.o.logger.warn("zalo: reconnect failed", { attempt, error });
          problem = { kind: "login_failed", error: describeError(error), attempt, retryInMs: 0 };
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

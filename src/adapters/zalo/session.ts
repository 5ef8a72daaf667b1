import { CloseReason, ZaloApiLoginQRAborted } from "zca-js";
import type { Logger } from "../../logger.js";
import { CredentialsFileError } from "./credentials.js";
import { logIn, ZaloLoginError } from "./login.js";
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
  /** After close code 3000/3003 (the account is in use in Zalo Web elsewhere), wait this long before logging in again. */
  elsewhereRetryMs: number;
  printQr: (drawing: string) => void;
  wait: (ms: number) => Promise<void>;
  now: () => number;
  logger: Logger;
  report: (problem: ZaloSessionProblem) => void;
  /** A fresh listener (first login or after a reconnect): subscribe to its message events before it starts. */
  onListener: (listener: ZaloListener) => void;
  /**
   * The listener is connected. `downSince`: when the connection was lost, for a catch-up; `announce`: the outage was
   * reported to admins (a re-login), not one of zca-js's own quiet reconnects.
   */
  onConnected: (downSince: number | undefined, announce: boolean) => void;
}

/** Close codes that mean "this account is open in another Zalo Web/PC session": logging straight back in fights it. */
const ELSEWHERE_CODES = new Set<number>([CloseReason.DuplicateConnection, CloseReason.KickConnection]);

/**
 * One logged-in Zalo session and its recovery. zca-js retries the close codes Zalo marks as retryable by itself
 * (same Listener object, "connected" again); "closed" means it gave up or was kicked. Then this logs in again with
 * exponential backoff, retrying the saved session `qrAfterAttempts` times before a QR — except after 3000/3003 (the
 * account opened in Zalo Web elsewhere), where an immediate re-login would kick the person and loop (zca-js #305, #95)
 * and get the account locked: then it waits `elsewhereRetryMs` (or for a restart).
 */
export class ZaloSession {
  private current: ZaloApi | undefined;
  private stopped = false;
  private reconnecting = false;
  private downSince: number | undefined;
  /** Set while a QR is on offer: stop() aborts it, so a login nobody completes does not outlive the adapter. */
  private abortQr: (() => void) | undefined;
  private qrShown: (() => void) | undefined;
  private wakeSleepers: Array<() => void> = [];
  ownId = "";

  constructor(private readonly o: SessionOptions) {}

  /** The live API, or undefined while logged out or reconnecting. */
  get api(): ZaloApi | undefined {
    return this.current;
  }

  /**
   * Logs in. Resolves once online, or — when a person must scan a QR — as soon as the first QR is on offer: the QR
   * login then goes on in the background (fresh QRs, round after round, admins told) until someone scans it or stop().
   * Rejects only on what needs fixing before any login can work (an unreadable credentials file; no saved session
   * with QR not allowed). Other failures (Zalo or the network down at boot) are retried in the background.
   */
  async start(): Promise<void> {
    this.stopped = false;
    const personNeeded = new Promise<"qr">((resolve) => (this.qrShown = () => resolve("qr")));
    const login = this.connect(this.o.allowQrLogin);
    try {
      const first = await Promise.race([login.then(() => "in" as const), personNeeded]).catch((error: unknown) => {
        // A QR offered and given up on (declined) before its notice was even out: still a person's matter.
        if (isUnscanned(error)) return "qr" as const;
        // Only what no retry can fix stops here; anything else (Zalo or the network down at boot) is retried below.
        if (error instanceof CredentialsFileError || (error instanceof ZaloLoginError && error.needsPerson)) throw error;
        return "retry" as const;
      });
      if (first === "in") return;
    } finally {
      this.qrShown = undefined;
    }
    login.catch((error: unknown) => {
      if (this.stopped) return;
      this.o.logger.warn("zalo: first login did not complete, trying again in the background", { error });
      this.downSince = undefined;
      const problem = { kind: "login_failed" as const, error: describeError(error), attempt: 1, retryInMs: 0 };
      void this.reconnect(isUnscanned(error) ? { ...problem, unscanned: true } : problem, isUnscanned(error) ? { qrAfter: 0 } : {});
    });
  }

  stop(): void {
    this.stopped = true;
    this.abortQr?.();
    this.abortQr = undefined;
    for (const wake of this.wakeSleepers.splice(0)) wake();
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
      onQr: ({ pngPath, png, refresh }) => {
        // The PNG is rewritten for every QR; admins are told once per round (not every 100 s).
        if (refresh === 0) this.o.report({ kind: "qr_required", pngPath, png });
        this.qrShown?.();
      },
      onQrOffered: (abort) => (this.abortQr = abort),
      cancelled: () => this.stopped,
    }).finally(() => (this.abortQr = undefined));
    if (this.stopped) return;
    this.current = api;
    this.ownId = String(api.getOwnId());
    const loginDownSince = this.downSince;
    this.downSince = undefined;
    const listener = api.listener;
    this.o.onListener(listener);
    // Down time is tracked per disconnect: zca-js reconnects the same Listener by itself and emits "connected" again.
    let firstConnect = true;
    let droppedAt: number | undefined;
    const live = () => this.current?.listener === listener;
    listener.on("connected", () => {
      if (!live()) return;
      this.o.logger.info("zalo: listener connected", { reconnect: !firstConnect });
      const since = firstConnect ? (loginDownSince ?? droppedAt) : droppedAt;
      const announce = firstConnect && loginDownSince !== undefined;
      firstConnect = false;
      droppedAt = undefined;
      this.o.onConnected(since, announce);
    });
    listener.on("disconnected", (code, reason) => {
      if (!live()) return;
      droppedAt ??= this.o.now();
      this.o.logger.warn("zalo: listener disconnected", { code, reason });
    });
    listener.on("closed", (code: CloseReason, reason: string) => {
      if (!live()) return; // a listener we already let go of
      this.o.logger.warn("zalo: listener closed", { code, reason });
      this.downSince ??= droppedAt;
      this.goDown({ kind: "closed", code, reason, attempt: 1, retryInMs: 0 });
    });
    listener.on("error", (error) => {
      this.o.logger.error("zalo: listener error", { error });
      if (live()) this.o.report({ kind: "error", error: describeError(error) });
    });
    listener.start({ retryOnClose: true });
    this.o.logger.info("zalo: logged in", { ownId: this.ownId });
  }

  private goDown(first: Extract<ZaloSessionProblem, { kind: "closed" }>): void {
    this.downSince ??= this.o.now();
    this.detach();
    if (!this.stopped) void this.reconnect(first, { elsewhere: ELSEWHERE_CODES.has(first.code) });
  }

  /**
   * Lets the current listener go for good. zca-js may still emit "error" from its socket (stop() while connecting:
   * "closed before the connection was established"), and an EventEmitter "error" with no listener throws and ends
   * the process: a no-op handler stays. A retry timer zca-js set on an earlier 1006 calls `this.start()` later, and
   * that connection would close the live one with 3000: start is disabled on the let-go object.
   */
  private detach(): void {
    const listener = this.current?.listener;
    this.current = undefined;
    if (!listener) return;
    listener.removeAllListeners();
    listener.on("error", () => {});
    listener.start = () => {};
    try {
      listener.stop();
    } catch (error) {
      this.o.logger.warn("zalo: stopping the listener failed", { error });
    }
  }

  private async reconnect(
    first: Extract<ZaloSessionProblem, { kind: "closed" | "login_failed" }>,
    how: { elsewhere?: boolean; qrAfter?: number } = {},
  ): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    let problem: Extract<ZaloSessionProblem, { kind: "closed" | "login_failed" }> = first;
    const qrAfter = how.qrAfter ?? this.o.qrAfterAttempts;
    try {
      for (let attempt = 1; !this.stopped; attempt++) {
        if (attempt > this.o.backoff.maxAttempts) {
          this.o.report({ kind: "gave_up", attempts: attempt - 1 });
          return;
        }
        const backoff = backoffDelay(this.o.backoff, attempt);
        const delay = how.elsewhere ? Math.max(this.o.elsewhereRetryMs, backoff) : backoff;
        // A QR round nobody scanned is not news: the next round's QR notice is.
        if (!(problem.kind === "login_failed" && problem.unscanned)) this.o.report({ ...problem, attempt, retryInMs: delay });
        await this.sleep(delay);
        if (this.stopped) return;
        try {
          // After another Zalo Web session took over, only the saved session: a QR would go to nobody.
          await this.connect(this.o.allowQrLogin && !how.elsewhere && attempt > qrAfter);
          return;
        } catch (error) {
          if (this.stopped) return;
          this.o.logger.warn("zalo: reconnect failed", { attempt, error });
          problem = { kind: "login_failed", error: describeError(error), attempt, retryInMs: 0, ...(isUnscanned(error) ? { unscanned: true } : {}) };
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** The injected wait, cut short by stop() (a 10-minute backoff must not keep a stopped process alive). */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.wakeSleepers = this.wakeSleepers.filter((w) => w !== wake);
        resolve();
      };
      this.wakeSleepers.push(wake);
      void this.o.wait(ms).then(wake);
    });
  }
}

/** zca-js's own "aborted" (dondoc aborts after the last QR of a round expires unscanned). */
function isUnscanned(error: unknown): boolean {
  return error instanceof ZaloApiLoginQRAborted;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

import { CloseReason } from "zca-js";
import type { Translate } from "../../i18n.js";

/**
 * Session trouble the core should tell admins about (over Telegram, or the log). The adapter keeps working on its
 * own: it retries with exponential backoff and fetches what arrived meanwhile once it is back.
 */
export type ZaloSessionProblem =
  /** The listener closed: 3000 = the account was opened in Zalo Web/PC elsewhere, 3003 = kicked by a new login. */
  | { kind: "closed"; code: number; reason: string; attempt: number; retryInMs: number }
  /** `unscanned`: a QR round expired with nobody scanning (not told to admins: the next round's QR notice is). */
  | { kind: "login_failed"; error: string; attempt: number; retryInMs: number; unscanned?: boolean }
  | { kind: "gave_up"; attempts: number }
  /** A QR login is waiting for a scan; `png` can be sent to an admin as a photo. */
  | { kind: "qr_required"; pngPath: string; png: Uint8Array }
  | { kind: "error"; error: string }
  | { kind: "reconnected"; downMs: number; caughtUp: number }
  /** A recipient answered 123 ("Không thể nhận tin nhắn từ bạn") again and again: its messages are given up. */
  | { kind: "refused"; chat: string; attempts: number };

export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Attempts before giving up and asking for a QR login (Infinity: keep trying at maxMs). */
  maxAttempts: number;
}

/** 5 s, 10 s, 20 s … capped at 10 min; unofficial clients that reconnect in a tight loop get accounts locked. */
export const ZALO_RECONNECT_BACKOFF: Backoff = { initialMs: 5_000, factor: 2, maxMs: 10 * 60_000, maxAttempts: Infinity };

export function backoffDelay(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** Math.max(0, attempt - 1));
}

/** The admin-facing sentence for a problem, in the admin's language. */
export function describeSessionProblem(problem: ZaloSessionProblem, t: Translate): string {
  const seconds = (ms: number) => Math.round(ms / 1000);
  switch (problem.kind) {
    case "closed": {
      const elsewhere = problem.code === CloseReason.DuplicateConnection || problem.code === CloseReason.KickConnection;
      const key = elsewhere ? "duplicate" : "closed";
      return t(`zalo:session.${key}`, {
        code: problem.code,
        reason: problem.reason ? `: ${problem.reason}` : "",
        seconds: seconds(problem.retryInMs),
        minutes: Math.round(problem.retryInMs / 60_000),
        attempt: problem.attempt,
      });
    }
    case "login_failed":
      return t("zalo:session.login-failed", {
        error: problem.error,
        seconds: seconds(problem.retryInMs),
        attempt: problem.attempt,
      });
    case "gave_up":
      return t("zalo:session.gave-up", { attempt: problem.attempts });
    case "qr_required":
      return t("zalo:session.qr-required", { path: problem.pngPath });
    case "error":
      return t("zalo:session.error", { error: problem.error });
    case "reconnected":
      return t("zalo:session.reconnected", { seconds: seconds(problem.downMs), count: problem.caughtUp });
    case "refused":
      return t("zalo:session.refused", { chat: problem.chat, attempts: problem.attempts });
  }
}

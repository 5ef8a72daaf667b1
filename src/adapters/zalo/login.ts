import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { LoginQRCallbackEventType, type Credentials, type LoginQRCallbackEvent } from "zca-js";
import type { Logger } from "../../logger.js";
import { readCredentials, writeCredentials } from "./credentials.js";
import { qrPngToTerminal } from "./qr-terminal.js";
import type { ZaloApi, ZaloLoginClient } from "./zalo-api.js";

export interface LoginOptions {
  credentialsPath: string;
  /** Where the QR PNG is written, so an admin who is not at the terminal can open it (or the core can send it). */
  qrPath: string;
  /** When false, a missing or rejected saved session is an error instead of a QR prompt (unattended restarts). */
  allowQr: boolean;
  /** A new QR is generated this many times after one expires (zca-js expires each after ~100 s) before giving up. */
  qrRefreshes: number;
  /** Called with the QR (already saved to qrPath and drawn in the terminal) so admins can be told where to scan. */
  onQr?: (qr: { pngPath: string; png: Uint8Array; refresh: number }) => void | Promise<void>;
  /** Called with zca-js's abort for the QR on offer, so the caller can end a login nobody will complete. */
  onQrOffered?: (abort: () => void) => void;
  /** When this says so at a QR's expiry, no new QR is made. */
  cancelled?: () => boolean;
  /** Where the terminal drawing goes (default: stdout; the structured log stays on stderr). */
  printQr: (drawing: string) => void;
  logger: Logger;
}

export class ZaloLoginError extends Error {
  /** `needsPerson`: no retry can help (no saved session and QR not allowed): a person must log in once. */
  constructor(message: string, options?: { cause?: unknown; needsPerson?: boolean }) {
    super(message, options);
    this.needsPerson = options?.needsPerson ?? false;
    this.name = "ZaloLoginError";
  }

  readonly needsPerson: boolean;
}

/** Saved session first; QR when there is none or it is no longer accepted (and QR is allowed). */
export async function logIn(client: ZaloLoginClient, options: LoginOptions): Promise<ZaloApi> {
  const saved = await readCredentials(options.credentialsPath);
  if (saved) {
    try {
      const api = await client.login(saved);
      await refreshSavedCookies(api, saved, options);
      return api;
    } catch (error) {
      if (!options.allowQr) {
        const why = error instanceof Error ? error.message : String(error);
        const message = `saved Zalo session not accepted (${why}); if this persists, log in again with the QR code`;
        throw new ZaloLoginError(message, { cause: error });
      }
      options.logger.warn("zalo: saved session rejected, falling back to QR login", { error });
    }
  } else if (!options.allowQr) {
    throw new ZaloLoginError(`no saved Zalo session at ${options.credentialsPath}; log in once with the QR code`, { needsPerson: true });
  }
  return logInWithQr(client, options);
}

export async function logInWithQr(client: ZaloLoginClient, options: LoginOptions): Promise<ZaloApi> {
  let refreshes = 0;
  let generated = 0;
  let credentials: Credentials | undefined;
  const onEvent = async (event: LoginQRCallbackEvent): Promise<void> => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated: {
        const refresh = generated++;
        // Stopped between two QRs (the stale QR's abort no longer reaches zca-js): end this one at once.
        if (options.cancelled?.()) {
          event.actions.abort();
          return;
        }
        options.onQrOffered?.(event.actions.abort);
        // Drawn first (synchronously): the person at the terminal should not wait for the file system.
        const drawing = qrPngToTerminal(event.data.image);
        options.printQr(
          drawing
            ? `Quét mã QR bằng ứng dụng Zalo của tài khoản bot / Scan it with the bot account's Zalo app:\n` +
              `${drawing}\n(${options.qrPath})\n`
            : `Mở ảnh QR / Open the QR image: ${options.qrPath}\n`,
        );
        const png = Buffer.from(event.data.image.replace(/^data:image\/png;base64,/, ""), "base64");
        await mkdir(dirname(options.qrPath), { recursive: true, mode: 0o700 });
        await writeFile(options.qrPath, png, { mode: 0o600 });
        options.logger.info("zalo: QR code ready", { path: options.qrPath });
        await options.onQr?.({ pngPath: options.qrPath, png, refresh });
        break;
      }
      case LoginQRCallbackEventType.QRCodeExpired:
        if (refreshes++ < options.qrRefreshes && !options.cancelled?.()) event.actions.retry();
        else event.actions.abort();
        break;
      case LoginQRCallbackEventType.QRCodeScanned:
        options.logger.info("zalo: QR scanned, waiting for confirmation on the phone", { account: event.data.display_name });
        break;
      case LoginQRCallbackEventType.QRCodeDeclined:
        // zca-js waits for retry() or abort() here; without one the login would hang for ever.
        options.logger.warn("zalo: QR login declined on the phone");
        event.actions.abort();
        break;
      case LoginQRCallbackEventType.GotLoginInfo:
        credentials = { cookie: event.data.cookie, imei: event.data.imei, userAgent: event.data.userAgent };
        break;
    }
  };
  // zca-js does not await its callback: keep the steps (saving the PNG, telling admins) to finish them before returning.
  const steps: Promise<void>[] = [];
  const api = await client.loginQR({ qrPath: options.qrPath, language: "vi" }, (event) => {
    steps.push(onEvent(event).catch((error: unknown) => options.logger.error("zalo: QR login step failed", { error })));
  });
  await Promise.all(steps);
  if (!credentials) throw new ZaloLoginError("Zalo QR login finished without login info");
  await writeCredentials(options.credentialsPath, credentials);
  options.logger.info("zalo: logged in with QR, session saved", { path: options.credentialsPath });
  return api;
}

/** Zalo refreshes cookies on login; keeping the fresh ones makes the saved session last longer. */
async function refreshSavedCookies(api: ZaloApi, saved: Credentials, options: LoginOptions): Promise<void> {
  try {
    const cookies = api.getCookie().toJSON()?.cookies;
    if (cookies && cookies.length > 0) await writeCredentials(options.credentialsPath, { ...saved, cookie: cookies });
  } catch (error) {
    options.logger.warn("zalo: could not refresh the saved session", { error });
  }
}

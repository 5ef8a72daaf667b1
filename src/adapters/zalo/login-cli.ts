/**
 * Re-login by QR, without starting the bot: `npx tsx src/adapters/zalo/login-cli.ts [--credentials PATH] [--qr PATH]`.
 * Draws the QR in the terminal (and saves it as a PNG for an admin elsewhere), waits for the scan, saves the new
 * session (0600) and exits. Use it when admins are told the Zalo session expired, then restart dondoc.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLogger, type Logger } from "../../logger.js";
import { logInWithQr } from "./login.js";
import { createZcaClient, type ZaloLoginClient } from "./zalo-api.js";

export async function runLoginCli(
  argv: string[],
  deps: { client?: ZaloLoginClient; logger?: Logger; print?: (text: string) => void } = {},
): Promise<{ credentialsPath: string; qrPath: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      credentials: { type: "string", default: "data/zalo-credentials.json" },
      qr: { type: "string", default: "data/zalo-qr.png" },
    },
  });
  const credentialsPath = values.credentials;
  const qrPath = values.qr;
  const print = deps.print ?? ((text: string) => process.stdout.write(text));
  const api = await logInWithQr(deps.client ?? createZcaClient(), {
    credentialsPath,
    qrPath,
    allowQr: true,
    qrRefreshes: 3,
    printQr: print,
    logger: deps.logger ?? createLogger("info"),
  });
  print(`Đã đăng nhập Zalo (tài khoản ${api.getOwnId()}), phiên lưu tại ${credentialsPath}. Khởi động lại dondoc.\n` +
    `Logged in to Zalo (account ${api.getOwnId()}), session saved to ${credentialsPath}. Restart dondoc.\n`);
  return { credentialsPath, qrPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runLoginCli(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Đăng nhập Zalo không thành công / Zalo login failed: ${why}\n`);
      process.exit(1);
    },
  );
}

/**
 * dondoc in a child process for the crash test (crash-replay.test.ts): startApp as `npm start` runs it, on the
 * database file and fake Bot API the parent names. With DONDOC_HOLD_INBOUND=1 inbound handling waits for ever, so
 * the parent can SIGKILL the process after it fetched a batch and before it handled any of it.
 */
import { startApp } from "../../src/app.js";
import { ManualClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const parsed = parseConfig({
  DATABASE_URL: process.env.DATABASE_URL,
  TELEGRAM_BOT_TOKEN: process.env.TELEGRAM_BOT_TOKEN,
  TELEGRAM_API_ROOT: process.env.TELEGRAM_API_ROOT,
  ADMIN_TELEGRAM_IDS: process.env.ADMIN_TELEGRAM_IDS,
  FILES_DIR: process.env.FILES_DIR,
});
if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
const hold = process.env.DONDOC_HOLD_INBOUND === "1" ? new Promise<void>(() => {}) : undefined;
const app = await startApp(parsed.config, {
  clock: new ManualClock(new Date(process.env.DONDOC_NOW!)),
  logger: silentLogger,
  runRemindersAtStart: false,
  ...(hold ? { holdInbound: hold } : {}),
});
process.send!({ started: true });
process.on("message", async (message: { cmd: string }) => {
  if (message.cmd === "idle") {
    await app.idle();
    process.send!({ idle: true });
  } else if (message.cmd === "stop") {
    await app.stop();
    process.exit(0);
  }
});

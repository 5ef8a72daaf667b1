/**
 * One dondoc worker as `npm start` runs it (startApp from the environment), in its own process, for the multi-worker
 * fault test: the parent kills it with SIGKILL. Driven over IPC only for what the test must time: a reminder tick
 * (what the cron would do every ten minutes) and a status question. The clock is real time shifted by
 * DONDOC_CLOCK_OFFSET_MS. With DONDOC_FAKE_ZALO=1 the Zalo adapter talks to the in-memory fake of zca-js (each process
 * has its own: what the test watches is which worker holds the listener).
 */
import { startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { FakeZalo } from "../adapters/zalo/fake-zalo.js";

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
const offset = Number(process.env.DONDOC_CLOCK_OFFSET_MS ?? 0);
const zalo = process.env.DONDOC_FAKE_ZALO === "1" ? new FakeZalo() : undefined;
const app = await startApp(parsed.config, {
  clock: { now: () => new Date(Date.now() + offset) },
  runRemindersAtStart: false,
  logger: createLogger("warn"),
  ...(zalo ? { zaloClient: zalo.client } : {}),
});
type Command = { cmd: "tick" | "status" | "stop" };
process.on("message", (message: Command) => {
  if (message.cmd === "tick") {
    process.send!({ tickStarted: app.worker });
    void app.reminders.runNow().then(() => process.send!({ ticked: app.worker }));
  }
  if (message.cmd === "status") {
    process.send!({ status: { worker: app.worker, zaloListener: app.zaloListener(), zaloSessions: zalo?.sessions.length ?? 0 } });
  }
  if (message.cmd === "stop") void app.stop().then(() => process.exit(0));
});
process.send!({ ready: app.worker });

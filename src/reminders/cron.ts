import cron from "node-cron";
import { OFFICE_TZ, type Clock } from "../clock.js";

export interface ReminderCronOptions {
  clock: Clock;
  /** Cron expression in office time. Default every 10 minutes: the tick itself decides what is due (dueReminders). */
  expression?: string;
  /** Where a failed tick is reported (the cron keeps running). */
  onError: (error: unknown) => void;
}

export interface ReminderCron {
  /** Runs one tick now (at start-up, to catch up after a restart). Never rejects: failures go to onError. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wires the reminder tick to node-cron. node-cron only ticks: it persists nothing and runs nothing missed, so each
 * tick recomputes what is due from storage and "now", and records what it sent. Ticks never overlap.
 */
export function startReminderCron(tick: (now: Date) => Promise<void>, options: ReminderCronOptions): ReminderCron {
  const expression = options.expression ?? "*/10 * * * *";
  if (!cron.validate(expression)) throw new RangeError(`invalid cron expression: ${expression}`);
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    running ??= tick(options.clock.now())
      .catch((error: unknown) => options.onError(error))
      .finally(() => { running = null; });
    return running;
  };
  const task = cron.schedule(expression, () => runNow(), { timezone: OFFICE_TZ, name: "dondoc-reminders", noOverlap: true });
  return {
    runNow,
    async stop() {
      await task.destroy();
      await running;
    },
  };
}

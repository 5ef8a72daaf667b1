import { startReminderCron, type ReminderCron } from "../reminders/cron.js";
import type { TrackingDeps } from "./deps.js";
import { reminderTick, type TickResult } from "./reminder-tick.js";

/**
 * Wires the reminder tick to node-cron (every 10 minutes by default, office time) and runs one tick at once to catch
 * up after a restart. The tick decides what is due from the database and the clock, so missed cron runs lose nothing.
 */
export function startReminders(
  deps: TrackingDeps,
  options: { onError: (error: unknown) => void; onTick?: (result: TickResult) => void; expression?: string },
): ReminderCron {
  const cron = startReminderCron(async () => {
    const result = await reminderTick(deps);
    options.onTick?.(result);
  }, { clock: deps.clock, onError: options.onError, ...(options.expression ? { expression: options.expression } : {}) });
  void cron.runNow();
  return cron;
}

import type { Clock } from "../clock.js";
import { isOfficeOpen, type OfficeHours } from "../reminders/office-hours.js";
import { WorkingCalendar } from "../reminders/working-days.js";
import type { Store } from "../storage/store.js";
import type { OfficeSettings } from "./settings.js";

/**
 * Whether groups may be written to now, from the office's settings (hours and calendar) and the business clock. The
 * delivery worker asks every round, synchronously: settings are read once and refreshed in the background at most
 * every `refreshMs` (they change only at start-up or by an admin).
 */
export interface OfficeHoursGate {
  /** True outside office hours (groups must wait); false when open or when no hours are configured. */
  closed(): boolean;
  /** Reads the settings again now. */
  refresh(): Promise<void>;
}

export function officeHoursGate(store: Pick<Store, "directory">, clock: Clock, refreshMs = 60_000): OfficeHoursGate {
  let state: { hours: OfficeHours | null; calendar: WorkingCalendar } | null = null;
  let readAt = -Infinity;
  let reading: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    reading ??= store.directory.settings()
      .then((s: OfficeSettings) => {
        state = { hours: s.officeHours, calendar: new WorkingCalendar(s.reminders) };
        readAt = Date.now();
      })
      .catch(() => { readAt = Date.now(); })
      .finally(() => { reading = null; });
    return reading;
  };
  void refresh();
  return {
    closed() {
      if (Date.now() - readAt > refreshMs) void refresh();
      if (!state?.hours) return false;
      return !isOfficeOpen(clock.now(), state.hours, state.calendar);
    },
    refresh,
  };
}

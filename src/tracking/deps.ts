import type { Clock } from "../clock.js";
import type { Store } from "../storage/store.js";
import type { Person, Role } from "./model.js";

/** What every tracking use case takes: the office's store and a clock (never Date.now()). */
export interface TrackingDeps {
  store: Store;
  clock: Clock;
}

/** Admins may do everything a leader may. */
export function hasRole(person: Person | null, ...roles: Role[]): boolean {
  if (!person) return false;
  return person.roles.includes("admin") || roles.some((r) => person.roles.includes(r));
}

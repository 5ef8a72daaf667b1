import type { ChatBinding, Person } from "./model.js";

/**
 * Who may report for a unit: anyone writing in a chat bound (and active) to it, or its registered officers
 * anywhere. With `officersOnly` (an office setting) the chat alone is not enough.
 */
export function mayReport(input: { binding: ChatBinding | null; person: Person | null; unitId: number; officersOnly: boolean }): boolean {
  const { binding, person, unitId, officersOnly } = input;
  const registered = person !== null && person.unitId === unitId && person.roles.includes("officer");
  if (registered) return true;
  if (officersOnly) return false;
  return binding !== null && binding.active && binding.unitId === unitId;
}

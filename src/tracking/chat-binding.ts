import type { ChatId } from "../chat/port.js";
import { hasRole, type TrackingDeps } from "./deps.js";
import { UnitDirectory } from "./unit-matcher.js";

export type BindResult =
  | { code: "ok"; unitId: number; unitName: string }
  | { code: "forbidden" }
  | { code: "not_found"; query: string }
  | { code: "ambiguous"; candidates: Array<{ id: number; name: string }> };

/**
 * "/gan Sở Y tế" in a group: binds this chat to a unit, found by canonical key, alias, or (fuzzy) all words of the
 * query. A leader or admin must do it, since the binding decides who may report for the unit.
 */
export async function bindChat(
  deps: TrackingDeps,
  input: { chat: ChatId; title?: string; by: string; unitQuery: string },
): Promise<BindResult> {
  const { store, clock } = deps;
  if (!hasRole(await store.directory.person(input.by), "leader")) return { code: "forbidden" };
  const directory = new UnitDirectory(await store.directory.units());
  const exact = directory.exact(input.unitQuery);
  const found = exact ? [exact] : directory.search(input.unitQuery);
  if (found.length === 0) return { code: "not_found", query: input.unitQuery };
  if (found.length > 1) return { code: "ambiguous", candidates: found.slice(0, 10).map((u) => ({ id: u.id, name: u.displayName })) };
  const unit = found[0]!;
  await store.directory.bind(input.chat, unit.id, input.title ?? null, input.by, clock.now());
  return { code: "ok", unitId: unit.id, unitName: unit.displayName };
}

/** The bot was removed from a chat (or an admin unbinds it): posts and reminders stop going there. */
export async function deactivateChat(deps: TrackingDeps, chat: ChatId, actor: string | null = null): Promise<boolean> {
  return deps.store.directory.setBindingActive(chat, false, deps.clock.now(), actor);
}

/** The bot was added back to a chat that had a binding. */
export async function reactivateChat(deps: TrackingDeps, chat: ChatId, actor: string | null = null): Promise<boolean> {
  return deps.store.directory.setBindingActive(chat, true, deps.clock.now(), actor);
}

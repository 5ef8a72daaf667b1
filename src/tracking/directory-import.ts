import { hasRole, type TrackingDeps } from "./deps.js";
import type { SheetProblem, SheetRow } from "./directory-sheet.js";
import type { Unit } from "./model.js";
import { UnitDirectory, unitKey } from "./unit-matcher.js";

/**
 * Importing a directory in one go: what a sheet or pasted list would add, change or leave alone (shown to the admin
 * first), then applied on confirmation. A row is the same unit as an existing one when its name or one of its
 * aliases is that unit's name or alias (diacritics, tone placement and "UBND"/"Ủy ban nhân dân" alike). Existing
 * aliases are kept (old names still match); kinds, level and parent are replaced only when the row gives them.
 */
export type PlanItem =
  | { action: "add"; row: SheetRow }
  | { action: "change"; row: SheetRow; unit: Unit; fields: Array<"aliases" | "kinds" | "level" | "parent"> }
  | { action: "same"; row: SheetRow; unit: Unit };

export interface ImportPlan {
  items: PlanItem[];
  problems: SheetProblem[];
  /** Parents named by rows that are neither in the directory nor in the rows themselves (left unset). */
  unknownParents: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const fa = new Set(a.map(unitKey));
  const fb = new Set(b.map(unitKey));
  return fa.size === fb.size && [...fa].every((x) => fb.has(x));
};

export function planImport(existing: readonly Unit[], rows: readonly SheetRow[], problems: SheetProblem[] = []): ImportPlan {
  const directory = new UnitDirectory(existing);
  const byId = new Map(existing.map((u) => [u.id, u]));
  const inRows = new Set(rows.map((r) => unitKey(r.displayName)));
  const unknownParents = new Set<string>();
  const items: PlanItem[] = rows.map((row) => {
    const parentKnown = !row.parent || inRows.has(unitKey(row.parent)) || directory.exact(row.parent) !== undefined;
    if (!parentKnown) unknownParents.add(row.parent!);
    const unit = [row.displayName, ...(row.aliases ?? [])].map((n) => directory.exact(n)).find(Boolean);
    if (!unit) return { action: "add", row };
    const fields: Array<"aliases" | "kinds" | "level" | "parent"> = [];
    const newAliases = [row.displayName, ...(row.aliases ?? [])].filter((a) => unitKey(a) !== unit.key && !unit.aliases.some((x) => unitKey(x) === unitKey(a)));
    if (newAliases.length) fields.push("aliases");
    if (row.kinds?.length && !sameSet(row.kinds, unit.kinds) && !(row.implied.kinds && unit.kinds.length)) fields.push("kinds");
    if (row.level && row.level !== unit.level && !(row.implied.level && unit.level)) fields.push("level");
    if (row.parent && parentKnown) {
      const parentNow = unit.parentId === null ? undefined : byId.get(unit.parentId);
      if (!parentNow || unitKey(parentNow.displayName) !== unitKey(row.parent)) fields.push("parent");
    }
    return fields.length ? { action: "change", row, unit, fields } : { action: "same", row, unit };
  });
  return { items, problems, unknownParents: [...unknownParents] };
}

export type ApplyResult = { code: "ok"; added: number; changed: number; same: number } | { code: "forbidden" };

/**
 * Applies a plan (admins only). Parents are set after the units they name exist, so a sheet may list a unit before
 * its parent. Idempotent: applying the same plan twice changes nothing the second time.
 */
export async function applyImport(deps: TrackingDeps, input: { by: string; plan: ImportPlan }): Promise<ApplyResult> {
  if (!hasRole(await deps.store.directory.person(input.by), "admin")) return { code: "forbidden" };
  const { store } = deps;
  // Every name in play (units' names and aliases, rows' names and aliases) → the key of the unit it will be.
  const keyOf = new Map<string, string>();
  for (const u of await store.directory.units()) {
    keyOf.set(u.key, u.key);
    for (const a of u.aliases) if (!keyOf.has(unitKey(a))) keyOf.set(unitKey(a), u.key);
  }
  const writes: Array<Omit<Unit, "id" | "parentId"> & { parentKey: string | null }> = [];
  let added = 0;
  let changed = 0;
  for (const item of input.plan.items) {
    if (item.action === "same") continue;
    const row = item.row;
    const base = item.action === "change" ? item.unit : null;
    const key = base ? base.key : unitKey(row.displayName);
    const aliases = base
      ? [...base.aliases, ...[row.displayName, ...(row.aliases ?? [])].filter((a) => unitKey(a) !== base.key && !base.aliases.some((x) => unitKey(x) === unitKey(a)))]
      : (row.aliases ?? []);
    for (const n of [row.displayName, ...aliases]) if (!keyOf.has(unitKey(n))) keyOf.set(unitKey(n), key);
    writes.push({
      displayName: base ? base.displayName : row.displayName,
      key,
      aliases,
      kinds: row.kinds?.length && !(row.implied.kinds && base?.kinds.length) ? row.kinds : (base?.kinds ?? []),
      level: row.level && !(row.implied.level && base?.level) ? row.level : (base?.level ?? null),
      parentKey: row.parent ?? null,
    });
    if (item.action === "add") added++;
    else changed++;
  }
  for (const w of writes) w.parentKey = w.parentKey ? (keyOf.get(unitKey(w.parentKey)) ?? null) : null;
  if (writes.length) await store.directory.importUnits(writes, deps.clock.now(), input.by);
  return { code: "ok", added, changed, same: input.plan.items.length - added - changed };
}

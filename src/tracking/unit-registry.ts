import type { TrackingDeps } from "./deps.js";
import type { Unit } from "./model.js";
import { unitKey } from "./unit-matcher.js";

export interface UnitInput {
  displayName: string;
  aliases?: string[];
  /** Kind tags used to expand collectives: "sở", "ủy ban nhân dân quận", "huyện ủy", "tổ chức chính trị xã hội"... */
  kinds?: string[];
  level?: string | null;
  parent?: string | null;
}

/** Adds or updates units by canonical key (setup, admin commands, the demo). Parents are resolved by name. */
export async function registerUnits(deps: TrackingDeps, units: UnitInput[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const u of units) {
    const parent = u.parent ? await deps.store.directory.unitByKey(unitKey(u.parent)) : null;
    out.push(
      await deps.store.directory.upsertUnit({
        displayName: u.displayName.normalize("NFC").trim(),
        key: unitKey(u.displayName),
        aliases: (u.aliases ?? []).map((a) => a.normalize("NFC").trim()),
        kinds: (u.kinds ?? []).map((k) => k.normalize("NFC").trim()),
        level: u.level ?? null,
        parentId: parent?.id ?? null,
      }),
    );
  }
  return out;
}

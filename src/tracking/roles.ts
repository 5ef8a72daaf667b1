import { hasRole, type TrackingDeps } from "./deps.js";
import { ROLES, type Person, type Role } from "./model.js";

export type RoleResult =
  | { code: "ok"; person: Person }
  | { code: "forbidden" }
  | { code: "bad_role"; role: string }
  | { code: "last_admin" };

/** Admins from the environment (ADMIN_USER_IDS, read by main.ts) are ensured at start-up: the first way in. */
export async function ensureAdmins(deps: TrackingDeps, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    const p = await deps.store.directory.person(userId);
    if (p?.roles.includes("admin")) continue;
    await deps.store.directory.savePerson(
      { userId, name: p?.name ?? userId, roles: [...new Set([...(p?.roles ?? []), "admin" as Role])], unitId: p?.unitId ?? null, lang: p?.lang ?? "vi" },
      deps.clock.now(),
      "system",
    );
  }
}

/**
 * Grants or revokes a role. Only admins manage roles; the last admin cannot drop their own admin role. Granting
 * "officer" with a unit registers the person as that unit's officer (who may report even outside its chat).
 */
export async function setRole(
  deps: TrackingDeps,
  input: { by: string; userId: string; name?: string; role: string; grant: boolean; unitId?: number | null; lang?: string },
): Promise<RoleResult> {
  const { directory } = deps.store;
  if (!hasRole(await directory.person(input.by), "admin")) return { code: "forbidden" };
  if (!(ROLES as readonly string[]).includes(input.role)) return { code: "bad_role", role: input.role };
  const role = input.role as Role;
  const current = await directory.person(input.userId);
  const roles = new Set(current?.roles ?? []);
  if (input.grant) roles.add(role);
  else roles.delete(role);
  if (!input.grant && role === "admin" && (await directory.peopleWithRole("admin")).length <= 1 && current?.roles.includes("admin")) {
    return { code: "last_admin" };
  }
  const person = await directory.savePerson(
    {
      userId: input.userId,
      name: input.name ?? current?.name ?? input.userId,
      roles: [...roles],
      unitId: input.unitId !== undefined ? input.unitId : (current?.unitId ?? null),
      lang: input.lang ?? current?.lang ?? "vi",
    },
    deps.clock.now(),
    input.by,
  );
  return { code: "ok", person };
}

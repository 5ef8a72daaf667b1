import { createHash, randomBytes } from "node:crypto";
import { hasRole, type TrackingDeps } from "./deps.js";
import type { Person } from "./model.js";

/**
 * Who may open the web dashboard, and how (decision 0701): `/web` in a private chat issues a one-time link token valid
 * for a few minutes; opening it gives a session token kept in an HttpOnly cookie. Both are stored hashed. Roles are
 * read on every request, so taking a role away closes the dashboard at once; sessions can also be revoked.
 */

/** What a person sees: everything (leaders, secretaries, admins) or one unit (its officers). */
export type Viewer = { person: Person; scope: "all" } | { person: Person; scope: "unit"; unitId: number };

export const WEB_LINK_TTL_MS = 10 * 60_000;
export const WEB_SESSION_TTL_MS = 12 * 3_600_000;

export function viewerOf(person: Person | null): Viewer | null {
  if (!person) return null;
  if (hasRole(person, "leader", "secretary")) return { person, scope: "all" };
  if (person.roles.includes("officer") && person.unitId !== null) return { person, scope: "unit", unitId: person.unitId };
  return null;
}

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
const newToken = (): string => randomBytes(32).toString("base64url");

export type IssueResult = { code: "ok"; token: string; expiresAt: Date } | { code: "forbidden" };

/** A one-time sign-in link token for the person asking in chat. */
export async function issueWebLink(deps: TrackingDeps, input: { by: string }): Promise<IssueResult> {
  if (!viewerOf(await deps.store.directory.person(input.by))) return { code: "forbidden" };
  const at = deps.clock.now();
  // Expired tokens only take room: each new link clears those a day past their end.
  await deps.store.webSessions.prune(new Date(at.getTime() - 86_400_000));
  const token = newToken();
  const expiresAt = new Date(at.getTime() + WEB_LINK_TTL_MS);
  await deps.store.webSessions.create({ tokenHash: hashToken(token), kind: "link", userId: input.by, at, expiresAt });
  return { code: "ok", token, expiresAt };
}

export type RedeemResult = { code: "ok"; sessionToken: string; expiresAt: Date; viewer: Viewer } | { code: "invalid" | "expired" | "used" | "forbidden" };

/** Opens a session from a link token; the link is then spent. */
export async function redeemWebLink(deps: TrackingDeps, token: string): Promise<RedeemResult> {
  const { webSessions, directory } = deps.store;
  const row = token ? await webSessions.find(hashToken(token)) : null;
  if (!row || row.kind !== "link") return { code: "invalid" };
  const at = deps.clock.now();
  if (row.revokedAt) return { code: "invalid" };
  if (row.usedAt) return { code: "used" };
  if (row.expiresAt.getTime() <= at.getTime()) return { code: "expired" };
  const viewer = viewerOf(await directory.person(row.userId));
  if (!viewer) return { code: "forbidden" };
  if (!(await webSessions.use(row.id, at))) return { code: "used" };
  const sessionToken = newToken();
  const expiresAt = new Date(at.getTime() + WEB_SESSION_TTL_MS);
  await webSessions.create({ tokenHash: hashToken(sessionToken), kind: "session", userId: row.userId, at, expiresAt });
  return { code: "ok", sessionToken, expiresAt, viewer };
}

/** The viewer a session cookie stands for, or null (unknown, expired, revoked, or no role any more). */
export async function sessionViewer(deps: TrackingDeps, token: string | undefined): Promise<(Viewer & { sessionId: number }) | null> {
  if (!token) return null;
  const row = await deps.store.webSessions.find(hashToken(token));
  if (!row || row.kind !== "session" || row.revokedAt || row.expiresAt.getTime() <= deps.clock.now().getTime()) return null;
  const viewer = viewerOf(await deps.store.directory.person(row.userId));
  return viewer ? { ...viewer, sessionId: row.id } : null;
}

/** Signing out of one browser. */
export async function signOut(deps: TrackingDeps, token: string | undefined): Promise<void> {
  const row = token ? await deps.store.webSessions.find(hashToken(token)) : null;
  if (row) await deps.store.webSessions.revoke(row.id, deps.clock.now());
}

/**
 * Closes every web session and unused link of a person: their own `/web thoat`, or an admin's `/web thoat <mã>` for
 * someone else (a lost phone). How many were closed, or forbidden.
 */
export async function revokeWebSessions(deps: TrackingDeps, input: { by: string; userId?: string }): Promise<{ code: "ok"; revoked: number } | { code: "forbidden" }> {
  const target = input.userId ?? input.by;
  if (target !== input.by && !hasRole(await deps.store.directory.person(input.by), "admin")) return { code: "forbidden" };
  return { code: "ok", revoked: await deps.store.webSessions.revokeUser(target, deps.clock.now()) };
}

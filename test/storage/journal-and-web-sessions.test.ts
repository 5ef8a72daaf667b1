import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../setup/db.js";
import { world, type World } from "../tracking/helpers.js";

/**
 * Main's inbound journal (issue 10) and web sign-in sessions (issue 14) after the merge with issue 15: both go through
 * db.sql, so they run on SQLite and PostgreSQL alike (they used better-sqlite3 statements, which PostgreSQL has not).
 */
let w: World | undefined;
describe.each(DIALECTS)("inbound journal and web sessions on $dialect", ({ dialect, skip }) => {
  beforeEach(async (ctx) => {
    if (skip) return ctx.skip();
    w = await world(dialect);
  });
  afterEach(async () => {
    await w?.db.close();
    w = undefined;
  });

  it("the journal keeps an update once, replays what is left in arrival order, and abandons one replayed too often", async () => {
    const j = w!.store.inbound;
    await j.record({ id: "tg:2", platform: "telegram", payload: "two" });
    await j.record({ id: "tg:1", platform: "telegram", payload: "one" });
    await j.record({ id: "tg:1", platform: "telegram", payload: "one again" }); // a redelivery: kept once
    await j.record({ id: "zl:9", platform: "zalo", payload: "z" });
    expect(await j.count()).toBe(3);
    await j.done("zl:9");
    expect(await j.count()).toBe(2);
    const first = await j.takeUnhandled("telegram", 2);
    expect(first).toEqual({ replay: [{ id: "tg:2", payload: "two" }, { id: "tg:1", payload: "one" }], abandoned: [] });
    expect((await j.takeUnhandled("telegram", 2)).replay).toHaveLength(2);
    // Replayed twice and still there (it crashed the bot each time): dropped.
    expect(await j.takeUnhandled("telegram", 2)).toEqual({ replay: [], abandoned: ["tg:2", "tg:1"] });
    expect(await j.count()).toBe(0);
  });

  it("a link is used once, sessions are found, revoked one by one or all of a person's, and pruned when expired", async () => {
    const s = w!.store.webSessions;
    const at = new Date("2023-06-05T02:00:00Z");
    const later = new Date(at.getTime() + 600_000);
    const link = await s.create({ tokenHash: "h-link", kind: "link", userId: "telegram:1", at, expiresAt: later });
    expect(await s.find("h-link")).toEqual({ id: link, kind: "link", userId: "telegram:1", createdAt: at, expiresAt: later, usedAt: null, revokedAt: null });
    expect(await s.find("h-none")).toBeNull();
    expect(await s.use(link, at)).toBe(true);
    expect(await s.use(link, at)).toBe(false); // a second tab opening the same link
    expect((await s.find("h-link"))!.usedAt).toEqual(at);
    const a = await s.create({ tokenHash: "h-a", kind: "session", userId: "telegram:1", at, expiresAt: later });
    await s.create({ tokenHash: "h-b", kind: "session", userId: "telegram:1", at, expiresAt: later });
    expect(await s.revoke(a, at)).toBe(true);
    expect(await s.revoke(a, at)).toBe(false);
    expect(await s.revokeUser("telegram:1", at)).toBe(2); // the used link and session b; a was already revoked
    expect((await s.find("h-b"))!.revokedAt).toEqual(at);
    expect(await s.prune(new Date(later.getTime() + 1))).toBe(3);
    expect(await s.find("h-a")).toBeNull();
  });
});

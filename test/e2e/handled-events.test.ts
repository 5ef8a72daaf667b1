// The processed-event table (deduplication of inbound events, decision 0301) is pruned: ids older than
// HANDLED_EVENT_DAYS go at start-up and on every reminder tick, recent ones stay and still stop a redelivery.
import { afterEach, describe, expect, it } from "vitest";
import { HANDLED_EVENT_DAYS } from "../../src/app.js";
import { sqlDate } from "../../src/storage/sql-date.js";
import { ADMIN, type Loop, startLoop } from "./harness.js";

let loop: Loop | undefined;
afterEach(async () => {
  await loop?.close();
  loop = undefined;
});

const DAY = 24 * 3600_000;

describe("handled events are pruned", () => {
  it("at start-up and on the reminder tick; recent ids still dedupe a redelivered update", async () => {
    loop = await startLoop();
    const l = loop;
    const db = () => l.app.deps.store.db;
    const ids = async () => (await db().sql.rows<[string]>(`SELECT id FROM "ProcessedEvent"`)).map((r) => r[0]).sort();
    const insert = (id: string, daysAgo: number) =>
      db().sql.run(`INSERT INTO "ProcessedEvent" (id, at) VALUES (?, ?)`, [id, sqlDate(new Date(l.clock.now().getTime() - daysAgo * DAY))]);

    const help = l.say(ADMIN.id, ADMIN, "/help");
    await l.botSays(ADMIN.id, 0);
    await l.settle();
    const recent = `telegram:update:${help.update_id}`;
    expect(await ids()).toContain(recent);

    await insert("telegram:update:1", HANDLED_EVENT_DAYS + 1);
    await insert("zalo:msg:2", HANDLED_EVENT_DAYS - 1);
    await l.app.stop();
    await l.restart();
    expect(await ids()).toEqual([recent, "zalo:msg:2"].sort());

    // Two days later the reminder tick prunes what has passed the limit meanwhile.
    l.clock.advance(2 * DAY);
    await l.app.reminders.runNow();
    expect(await ids()).toEqual([recent]);

    // The kept id still stops the same update delivered again.
    l.api.updates.again(help);
    await l.settle();
    expect(l.api.botMessages(ADMIN.id)).toHaveLength(1);
  }, 60_000);
});

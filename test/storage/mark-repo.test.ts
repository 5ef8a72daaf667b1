import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../setup/db.js";
import { world, type World } from "../tracking/helpers.js";

let w: World | undefined;
describe.each(DIALECTS)("MarkRepo on $dialect", ({ dialect, skip }) => {
  beforeEach(async (ctx) => {
    if (skip) return ctx.skip();
    w = await world(dialect);
  });
  afterEach(async () => {
    await w?.db.close();
    w = undefined;
  });

  it("a mark survives as a Setting row, only moves forward, and does not disturb the office settings", async () => {
    expect(await w!.store.marks.read("zalo.lastInbound")).toBeNull();
    await w!.store.marks.advance("zalo.lastInbound", new Date("2023-06-05T02:00:00Z"));
    await w!.store.marks.advance("zalo.lastInbound", new Date("2023-06-05T01:00:00Z")); // an older event handled late
    expect(await w!.store.marks.read("zalo.lastInbound")).toEqual(new Date("2023-06-05T02:00:00Z"));
    await w!.store.marks.advance("zalo.lastInbound", new Date("2023-06-06T08:30:00Z"));
    expect(await w!.store.marks.read("zalo.lastInbound")).toEqual(new Date("2023-06-06T08:30:00Z"));
    await w!.store.directory.saveSettings({ requireApproval: true });
    expect((await w!.store.directory.settings()).requireApproval).toBe(true);
    expect(await w!.db.prisma.setting.count({ where: { key: "mark.zalo.lastInbound" } })).toBe(1);
  });
});

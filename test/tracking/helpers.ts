import { ManualClock } from "../../src/clock.js";
import type { ParsedDispatch, ParsedTask } from "../../src/dispatch/schema.js";
import type { ChatId } from "../../src/chat/port.js";
import type { Db } from "../../src/storage/database.js";
import { createStore } from "../../src/storage/store.js";
import { confirmDraft } from "../../src/tracking/confirm-draft.js";
import type { TrackingDeps } from "../../src/tracking/deps.js";
import { ingestDraft } from "../../src/tracking/ingest-draft.js";
import { registerUnits } from "../../src/tracking/unit-registry.js";
import { setRole, ensureAdmins } from "../../src/tracking/roles.js";
import type { Dialect } from "../../src/storage/sql.js";
import { testDatabase } from "../setup/db.js";

export const ADMIN = "telegram:1";
export const LEADER = "telegram:2";
export const OFFICER = "telegram:3";
export const STRANGER = "telegram:99";

export interface World extends TrackingDeps {
  db: Db;
  clock: ManualClock;
  unit(name: string): number;
}

/** A fresh database with a small province directory, an admin and a leader; 09:00 on Monday 2023-06-05 in Hà Nội. */
export async function world(dialect?: Dialect): Promise<World> {
  const db = await testDatabase(dialect);
  const clock = new ManualClock(new Date("2023-06-05T02:00:00Z"));
  const deps = { store: createStore(db, clock), clock };
  const units = await registerUnits(deps, [
    { displayName: "Sở Y tế", kinds: ["sở"] },
    { displayName: "Sở Nội vụ", kinds: ["sở"] },
    { displayName: "Sở Lao động - Thương binh và Xã hội", aliases: ["Sở LĐTBXH"], kinds: ["sở"] },
    { displayName: "Sở Thông tin và Truyền thông", aliases: ["Sở TT&TT"], kinds: ["sở"] },
    { displayName: "Hội Chữ thập đỏ Thành phố", aliases: ["Hội Chữ thập đỏ"], kinds: ["hội"] },
    { displayName: "UBND quận Ba Đình", kinds: ["ủy ban nhân dân quận"] },
    { displayName: "UBND huyện Đông Anh", kinds: ["ủy ban nhân dân huyện"] },
    { displayName: "UBND thị xã Sơn Tây", kinds: ["ủy ban nhân dân thị xã"] },
  ]);
  const ids = new Map(units.map((u) => [u.displayName, u.id]));
  await ensureAdmins(deps, [ADMIN]);
  await setRole(deps, { by: ADMIN, userId: LEADER, name: "Lãnh đạo", role: "leader", grant: true });
  return {
    ...deps, db, clock,
    unit: (name) => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no unit ${name}`);
      return id;
    },
  };
}

export function task(ref: string, assignees: Array<[string, "lead" | "coordinate"]>, deadline: string | null = "2023-06-20", recurrence: ParsedTask["deadline"] extends infer D ? D extends { recurrence: infer R } ? R : never : never = null): ParsedTask {
  return {
    ref, text: `Nội dung nhiệm vụ ${ref}`, implicit: false,
    assignees: assignees.map(([name, role]) => ({ name, role })),
    deadline: deadline || recurrence ? { text: deadline ?? "định kỳ", date: deadline, recurrence } : null,
  };
}

export function dispatch(tasks: ParsedTask[], over: Partial<ParsedDispatch["doc"]> = {}): ParsedDispatch {
  return {
    doc: {
      type: "Kế hoạch", number: "164/KH-UBND", date: "2023-06-05", issuer: "UBND thành phố Hà Nội",
      subject: "Triển khai công tác Hội Chữ thập đỏ", recipients: [], secrecy: null, urgency: null, ...over,
    },
    tasks,
    warnings: [],
  };
}

/** The leader forwards a parsed dispatch (from `chat`, where leader digests then go) and confirms it. Its id. */
export async function assignDispatch(w: World, parsed: ParsedDispatch, chat?: ChatId): Promise<number> {
  const r = await ingestDraft(w, { forwardedBy: LEADER, ...(chat ? { chat } : {}), parsed });
  if (r.code !== "ok") throw new Error(r.code);
  await confirmDraft(w, { dispatchId: r.draft.id, by: LEADER });
  return r.draft.id;
}

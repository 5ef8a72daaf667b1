import { systemClock } from "../../src/clock.js";
import { createStore } from "../../src/storage/store.js";
import { MemoryOutbox } from "../fakes/memory-outbox.js";
import { DIALECTS, testDatabase } from "../setup/db.js";
import { outboxStoreContract } from "./outbox-store.contract.js";

outboxStoreContract("in-memory fake (test/fakes/memory-outbox.ts)", async () => ({ store: new MemoryOutbox(), close: async () => {} }));

for (const { dialect, skip } of DIALECTS) {
  outboxStoreContract(`Prisma + ${dialect} (src/storage)`, async () => {
    const db = await testDatabase(dialect);
    return { store: createStore(db, systemClock).outbox, close: () => db.close() };
  }, skip);
}

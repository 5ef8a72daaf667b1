import { systemClock } from "../../src/clock.js";
import { createStore } from "../../src/storage/store.js";
import { MemoryOutbox } from "../fakes/memory-outbox.js";
import { testDatabase } from "../setup/db.js";
import { outboxStoreContract } from "./outbox-store.contract.js";

outboxStoreContract("in-memory fake (test/fakes/memory-outbox.ts)", async () => ({ store: new MemoryOutbox(), close: async () => {} }));

outboxStoreContract("Prisma + SQLite (src/storage)", async () => {
  const db = await testDatabase();
  return { store: createStore(db, systemClock).outbox, close: () => db.close() };
});

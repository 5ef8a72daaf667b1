import type { InboundJournal } from "../../src/chat/inbound-journal.js";

/** A journal in memory whose writes wait for `gate` (or fail when `fail` is set). */
export function memoryJournal() {
  const entries = new Map<string, { payload: string; replays: number }>();
  const recorded: string[] = [];
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const journal: InboundJournal & { fail: boolean; hold(): void; release(): void } = {
    fail: false,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    async record(entry) {
      await gate;
      if (journal.fail) throw new Error("disk full");
      recorded.push(entry.id);
      if (!entries.has(entry.id)) entries.set(entry.id, { payload: entry.payload, replays: 0 });
    },
    async done(id) {
      entries.delete(id);
    },
    async takeUnhandled(_platform, maxReplays) {
      const replay: Array<{ id: string; payload: string }> = [];
      const abandoned: string[] = [];
      for (const [id, e] of entries) {
        if (e.replays >= maxReplays) {
          entries.delete(id);
          abandoned.push(id);
        } else {
          e.replays++;
          replay.push({ id, payload: e.payload });
        }
      }
      return { replay, abandoned };
    },
  };
  return { journal, entries, recorded };
}


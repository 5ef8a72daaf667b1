import type { Platform } from "./port.js";

/**
 * Where adapters write each inbound update down before the platform counts it as delivered, so a crash between
 * receipt and handling loses nothing (issue 10, docs/decisions/0405-inbound-journal.md). Adapters keep the platform's
 * raw payload (closures such as file downloads cannot be stored) and rebuild the event from it on replay.
 */
export interface InboundJournal {
  /** Writes the update down (once per id: a redelivery keeps the first entry). Resolves when it is durable. */
  record(entry: { id: string; platform: Platform; payload: string }): Promise<void>;
  /** The update was handled: forget it. */
  done(id: string): Promise<void>;
  /**
   * Updates never marked done, oldest first, each counted as replayed once more. Entries replayed `maxReplays`
   * times already are dropped and returned in `abandoned` (an update that kills the process must not do so for ever).
   */
  takeUnhandled(platform: Platform, maxReplays: number): Promise<{ replay: Array<{ id: string; payload: string }>; abandoned: string[] }>;
}

/** How often an update is replayed at start-up before it is given up (and logged). */
export const MAX_REPLAYS = 3;

import type { Prisma as PrismaNS } from "../generated/prisma/client.js";

/** The client handed to `prisma.$transaction(async (tx) => …)`: use cases write through it so a change commits whole. */
export type Tx = PrismaNS.TransactionClient;

/**
 * Options for a transaction whose size grows with what a user sent (a dispatch's tasks × units with their posts, a
 * directory import): Prisma's default of 5 s expired while a 60-group confirmation ran on a loaded machine against
 * PostgreSQL, and the leader's whole confirmation failed. The work is bounded by the input caps, not by time.
 */
export const BULK_TX = { timeout: 60_000, maxWait: 15_000 } as const;

import type { Prisma as PrismaNS } from "../generated/prisma/client.js";

/** The client handed to `prisma.$transaction(async (tx) => …)`: use cases write through it so a change commits whole. */
export type Tx = PrismaNS.TransactionClient;

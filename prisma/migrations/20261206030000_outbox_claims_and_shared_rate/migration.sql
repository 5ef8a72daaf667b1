-- AlterTable
ALTER TABLE "OutboxItem" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "OutboxItem" ADD COLUMN "claimedUntil" DATETIME;

-- CreateTable
CREATE TABLE "RateHit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RateHit_scope_at_idx" ON "RateHit"("scope", "at");


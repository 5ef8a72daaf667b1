-- AlterTable
ALTER TABLE "OutboxItem" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RateHit" (
    "id" SERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateHit_scope_at_idx" ON "RateHit"("scope", "at");

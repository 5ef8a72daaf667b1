-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DraftItem" ADD COLUMN     "marks" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "WebSession" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "replays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InboundUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebSession_tokenHash_key" ON "WebSession"("tokenHash");

-- CreateIndex
CREATE INDEX "WebSession_userId_idx" ON "WebSession"("userId");

-- CreateIndex
CREATE INDEX "InboundUpdate_platform_receivedAt_idx" ON "InboundUpdate"("platform", "receivedAt");

-- CreateIndex
CREATE INDEX "Task_dispatchId_seq_occurrence_idx" ON "Task"("dispatchId", "seq", "occurrence");

-- CreateIndex
CREATE INDEX "Assignment_unitId_role_deadlineDate_completedAt_status_last_idx" ON "Assignment"("unitId", "role", "deadlineDate", "completedAt", "status", "lastReportAt");

-- CreateIndex
CREATE INDEX "Event_taskId_idx" ON "Event"("taskId");

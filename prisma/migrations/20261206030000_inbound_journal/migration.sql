-- CreateTable
CREATE TABLE "InboundUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "replays" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "InboundUpdate_platform_receivedAt_idx" ON "InboundUpdate"("platform", "receivedAt");

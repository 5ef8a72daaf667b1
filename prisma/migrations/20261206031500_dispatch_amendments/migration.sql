-- CreateTable
CREATE TABLE "DispatchAmendment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dispatchId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "numbers" TEXT NOT NULL DEFAULT '[]',
    "until" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "targetDispatchId" INTEGER,
    "appliedBy" TEXT,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DispatchAmendment_dispatchId_idx" ON "DispatchAmendment"("dispatchId");

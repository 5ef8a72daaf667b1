-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "dispatchId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "oldDate" TEXT,
    "requestedDate" TEXT NOT NULL,
    "grantedDate" TEXT,
    "reason" TEXT,
    "requestText" TEXT NOT NULL DEFAULT '',
    "requestedBy" TEXT NOT NULL,
    "requestChat" TEXT,
    "requestMessage" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT
);

-- CreateIndex
CREATE INDEX "DeadlineExtension_assignmentId_status_idx" ON "DeadlineExtension"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "DeadlineExtension_status_idx" ON "DeadlineExtension"("status");

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" SERIAL NOT NULL,
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
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchAmendment" (
    "id" SERIAL NOT NULL,
    "dispatchId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "numbers" TEXT NOT NULL DEFAULT '[]',
    "until" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "targetDispatchId" INTEGER,
    "appliedBy" TEXT,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DispatchAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeadlineExtension_assignmentId_status_idx" ON "DeadlineExtension"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "DeadlineExtension_status_idx" ON "DeadlineExtension"("status");

-- CreateIndex
CREATE INDEX "DispatchAmendment_dispatchId_idx" ON "DispatchAmendment"("dispatchId");

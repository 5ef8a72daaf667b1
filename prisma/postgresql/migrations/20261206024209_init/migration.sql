-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "displayName" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "level" TEXT,
    "parentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatBinding" (
    "id" SERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT,
    "boundBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" TEXT NOT NULL DEFAULT '[]',
    "unitId" INTEGER,
    "lang" TEXT NOT NULL DEFAULT 'vi',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispatch" (
    "id" SERIAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "docType" TEXT,
    "number" TEXT,
    "numberKey" TEXT,
    "issuer" TEXT,
    "issuerKey" TEXT,
    "date" TEXT,
    "subject" TEXT,
    "recipients" TEXT NOT NULL DEFAULT '[]',
    "secrecy" TEXT,
    "urgency" TEXT,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "rawText" TEXT NOT NULL DEFAULT '',
    "fileHash" TEXT,
    "fileName" TEXT,
    "forwardedBy" TEXT NOT NULL,
    "forwardChat" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftItem" (
    "id" SERIAL NOT NULL,
    "dispatchId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "deadlineDate" TEXT,
    "deadlineText" TEXT,
    "recurrence" TEXT,
    "dropped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DraftItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "dispatchId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadlineDate" TEXT,
    "deadlineText" TEXT,
    "recurrence" TEXT,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "previousId" INTEGER,
    "genericBodies" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "deadlineDate" TEXT,
    "completedAt" TIMESTAMP(3),
    "lastReportAt" TIMESTAMP(3),
    "lastReportText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT,
    "chatId" TEXT,
    "messageId" TEXT,
    "dispatchId" INTEGER,
    "taskId" INTEGER,
    "assignmentId" INTEGER,
    "unitId" INTEGER,
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'task',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" SERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "sentMessageId" TEXT,
    "failure" TEXT,

    CONSTRAINT "OutboxItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "key" TEXT NOT NULL,
    "assignmentId" INTEGER,
    "chatId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_key_key" ON "Unit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ChatBinding_chatId_key" ON "ChatBinding"("chatId");

-- CreateIndex
CREATE INDEX "ChatBinding_unitId_active_idx" ON "ChatBinding"("unitId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Person_userId_key" ON "Person"("userId");

-- CreateIndex
CREATE INDEX "Dispatch_numberKey_issuerKey_date_idx" ON "Dispatch"("numberKey", "issuerKey", "date");

-- CreateIndex
CREATE INDEX "Dispatch_fileHash_idx" ON "Dispatch"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "DraftItem_dispatchId_seq_key" ON "DraftItem"("dispatchId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Task_previousId_key" ON "Task"("previousId");

-- CreateIndex
CREATE INDEX "Task_dispatchId_idx" ON "Task"("dispatchId");

-- CreateIndex
CREATE INDEX "Task_status_recurrence_deadlineDate_idx" ON "Task"("status", "recurrence", "deadlineDate");

-- CreateIndex
CREATE INDEX "Assignment_status_deadlineDate_idx" ON "Assignment"("status", "deadlineDate");

-- CreateIndex
CREATE INDEX "Assignment_unitId_status_idx" ON "Assignment"("unitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_taskId_unitId_key" ON "Assignment"("taskId", "unitId");

-- CreateIndex
CREATE INDEX "Event_assignmentId_idx" ON "Event"("assignmentId");

-- CreateIndex
CREATE INDEX "Event_dispatchId_idx" ON "Event"("dispatchId");

-- CreateIndex
CREATE INDEX "Post_assignmentId_idx" ON "Post"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_chatId_messageId_assignmentId_key" ON "Post"("chatId", "messageId", "assignmentId");

-- CreateIndex
CREATE INDEX "OutboxItem_status_notBefore_idx" ON "OutboxItem"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxItem_chatId_status_idx" ON "OutboxItem"("chatId", "status");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatBinding" ADD CONSTRAINT "ChatBinding_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftItem" ADD CONSTRAINT "DraftItem_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "kinds" TEXT NOT NULL DEFAULT '[]',
    "level" TEXT,
    "parentId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatBinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT,
    "boundBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChatBinding_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" TEXT NOT NULL DEFAULT '[]',
    "unitId" INTEGER,
    "lang" TEXT NOT NULL DEFAULT 'vi',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dispatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "cancelledAt" DATETIME
);

-- CreateTable
CREATE TABLE "DraftItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dispatchId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "assignees" TEXT NOT NULL DEFAULT '[]',
    "deadlineDate" TEXT,
    "deadlineText" TEXT,
    "recurrence" TEXT,
    "dropped" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DraftItem_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Task_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Task_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "deadlineDate" TEXT,
    "completedAt" DATETIME,
    "lastReportAt" DATETIME,
    "lastReportText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT,
    "chatId" TEXT,
    "messageId" TEXT,
    "dispatchId" INTEGER,
    "taskId" INTEGER,
    "assignmentId" INTEGER,
    "unitId" INTEGER,
    "data" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'task',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Post_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "sentMessageId" TEXT,
    "failure" TEXT
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" INTEGER,
    "chatId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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


-- CreateIndex
CREATE INDEX "Task_status_recurrence_deadlineDate_idx" ON "Task"("status", "recurrence", "deadlineDate");


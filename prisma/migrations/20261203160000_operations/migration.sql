-- Issue 18 (running it for years): archived conventions, indexes for the retention job.
ALTER TABLE "Convention" ADD COLUMN "archivedAt" TIMESTAMP(3);

CREATE INDEX "OutboxMessage_status_sentAt_idx" ON "OutboxMessage"("status", "sentAt");

CREATE INDEX "ProcessedEvent_receivedAt_idx" ON "ProcessedEvent"("receivedAt");

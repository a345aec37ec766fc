-- Issue 14, item 10: what a person typed in a section's form and closed without saving.
-- CreateTable
CREATE TABLE "FormDraft" (
    "personId" INTEGER NOT NULL,
    "conventionId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormDraft_pkey" PRIMARY KEY ("personId","conventionId","section")
);

-- CreateIndex
CREATE INDEX "FormDraft_conventionId_idx" ON "FormDraft"("conventionId");

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;


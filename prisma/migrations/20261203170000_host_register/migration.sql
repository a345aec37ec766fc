-- Issue 16 (host organisations): the company register, moderation, duplicates.
ALTER TABLE "Etablissement" ADD COLUMN "registerLocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "registerRefreshedAt" TIMESTAMP(3);

ALTER TABLE "EtablissementProposal" ADD COLUMN "rejectionReason" TEXT;

CREATE TABLE "CompanyRegisterCache" (
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanyRegisterCache_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "CompanyRegisterCache_fetchedAt_idx" ON "CompanyRegisterCache"("fetchedAt");

-- Issue 15: which days are worked (D124-6).
ALTER TABLE "Convention" ADD COLUMN "samedisTravailles" BOOLEAN NOT NULL DEFAULT false;

-- Issue 15: which days are worked (D124-6).
ALTER TABLE "Convention" ADD COLUMN "samedisTravailles" BOOLEAN NOT NULL DEFAULT false;
-- Issue 15: the host's exact headcount for the quota of interns per week (R124-10).
ALTER TABLE "Convention" ADD COLUMN "effectifAccueil" INTEGER;
-- Issue 15: a centre may make training hours below 200 a year a refusal (D124-2).
ALTER TABLE "CentreGestion" ADD COLUMN "refuseTrainingHoursBelow200" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CentreGestion" ADD COLUMN     "escalationDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "startingSoonDays" INTEGER NOT NULL DEFAULT 14;

-- CreateTable
CREATE TABLE "ReminderPause" (
    "personId" INTEGER NOT NULL,
    "pausedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderPause_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "centreId" INTEGER,
    "conventionId" INTEGER,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_key_key" ON "ReminderDelivery"("key");

-- CreateIndex
CREATE INDEX "ReminderDelivery_personId_kind_centreId_sentAt_idx" ON "ReminderDelivery"("personId", "kind", "centreId", "sentAt");

-- AddForeignKey
ALTER TABLE "ReminderPause" ADD CONSTRAINT "ReminderPause_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


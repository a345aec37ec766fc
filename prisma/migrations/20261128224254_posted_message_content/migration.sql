-- AlterTable
ALTER TABLE "PostedMessage" ADD COLUMN     "content" JSONB;

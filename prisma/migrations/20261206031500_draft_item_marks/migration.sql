-- AlterTable
ALTER TABLE "DraftItem" ADD COLUMN "marks" TEXT NOT NULL DEFAULT '[]';

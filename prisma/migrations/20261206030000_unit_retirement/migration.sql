-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "mergedIntoId" INTEGER;
ALTER TABLE "Unit" ADD COLUMN "retiredAt" DATETIME;


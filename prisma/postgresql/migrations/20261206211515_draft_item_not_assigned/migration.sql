-- AlterTable
ALTER TABLE "DraftItem" ADD COLUMN     "notAssigned" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "archivedAt" TIMESTAMP(3);


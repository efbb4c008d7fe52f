-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('MINISTRY', 'DIRECTORATE', 'MUNICIPAL', 'ORGANISATION', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CONTACT', 'TEAM_LEAD', 'COORDINATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('nb', 'en');

-- CreateEnum
CREATE TYPE "ResponsibilityRole" AS ENUM ('LEAD', 'PARTNER');

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'DELAYED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'RETRY', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "titleNb" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "budgetNok" BIGINT,
    "defaultCadenceDays" INTEGER NOT NULL DEFAULT 14,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '08:00',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocusArea" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "titleNb" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "channel" TEXT,
    "digestWeekday" INTEGER,
    "digestTime" TEXT,

    CONSTRAINT "FocusArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameNb" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "teamLeadSlackId" TEXT,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "slackId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "agencyId" INTEGER,
    "role" "Role" NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'nb',
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "focusAreaId" INTEGER,
    "titleNb" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "description" TEXT,
    "cadenceDays" INTEGER,
    "deadline" DATE,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureAgency" (
    "measureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "role" "ResponsibilityRole" NOT NULL,

    CONSTRAINT "MeasureAgency_pkey" PRIMARY KEY ("measureId","agencyId")
);

-- CreateTable
CREATE TABLE "Update" (
    "id" SERIAL NOT NULL,
    "seriesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "status" "Status" NOT NULL,
    "progress" INTEGER,
    "done" TEXT NOT NULL,
    "challenges" TEXT,
    "nextSteps" TEXT,
    "spendNok" BIGINT,
    "periodDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodWaiver" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodWaiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingRound" (
    "id" SERIAL NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "focusAreaId" INTEGER,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,

    CONSTRAINT "ReportingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "substituteSlackId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snooze" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "slackId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Snooze_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLedger" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "measureId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "step" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "channel" TEXT,
    "messageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ReminderLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestLedger" (
    "id" BIGSERIAL NOT NULL,
    "focusAreaId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "channel" TEXT,
    "messageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FocusArea_number_key" ON "FocusArea"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackId_key" ON "Person"("slackId");

-- CreateIndex
CREATE INDEX "Person_agencyId_idx" ON "Person"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_number_key" ON "Measure"("number");

-- CreateIndex
CREATE INDEX "Measure_focusAreaId_idx" ON "Measure"("focusAreaId");

-- CreateIndex
CREATE INDEX "MeasureAgency_agencyId_idx" ON "MeasureAgency"("agencyId");

-- CreateIndex
CREATE INDEX "Update_measureId_agencyId_createdAt_idx" ON "Update"("measureId", "agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "Update_createdAt_idx" ON "Update"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Update_seriesId_version_key" ON "Update"("seriesId", "version");

-- CreateIndex
CREATE INDEX "PeriodWaiver_measureId_agencyId_createdAt_idx" ON "PeriodWaiver"("measureId", "agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "Absence_personId_idx" ON "Absence"("personId");

-- CreateIndex
CREATE INDEX "Snooze_measureId_agencyId_idx" ON "Snooze"("measureId", "agencyId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLedger_key_key" ON "ReminderLedger"("key");

-- CreateIndex
CREATE INDEX "ReminderLedger_state_nextAttemptAt_idx" ON "ReminderLedger"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "DigestLedger_state_nextAttemptAt_idx" ON "DigestLedger"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "DigestLedger_focusAreaId_period_key" ON "DigestLedger"("focusAreaId", "period");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_focusAreaId_fkey" FOREIGN KEY ("focusAreaId") REFERENCES "FocusArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureAgency" ADD CONSTRAINT "MeasureAgency_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureAgency" ADD CONSTRAINT "MeasureAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRound" ADD CONSTRAINT "ReportingRound_focusAreaId_fkey" FOREIGN KEY ("focusAreaId") REFERENCES "FocusArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestLedger" ADD CONSTRAINT "DigestLedger_focusAreaId_fkey" FOREIGN KEY ("focusAreaId") REFERENCES "FocusArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Updates and the audit log are records of what was said and done: they are
-- never changed in place. An edit is a new version; nothing is deleted.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "Update_append_only" BEFORE UPDATE OR DELETE ON "Update"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- CreateIndex
CREATE INDEX "ReminderLedger_measureId_agencyId_step_period_idx" ON "ReminderLedger"("measureId", "agencyId", "step", "period");


-- A run killed hard is closed as abandoned by the run that resumes or supersedes it.
ALTER TYPE "RunStatus" ADD VALUE 'abandoned';

-- Runs: the exclusive key a run holds (e.g. the daily pipeline's date) and who holds it.
ALTER TABLE "pipeline_runs" ADD COLUMN "lock_key" TEXT,
ADD COLUMN "holder" TEXT;

CREATE INDEX "pipeline_runs_lock_key_status_idx" ON "pipeline_runs"("lock_key", "status");

-- Model versions: what they were trained from, and the pipeline run that registered them.
ALTER TABLE "model_versions" ADD COLUMN "fingerprint" TEXT,
ADD COLUMN "pipeline_run_id" UUID;

-- A name never holds two versions trained from the same inputs (a re-run reuses the version).
CREATE UNIQUE INDEX "model_versions_name_fingerprint_key" ON "model_versions"("name", "fingerprint");

CREATE INDEX "model_versions_pipeline_run_id_idx" ON "model_versions"("pipeline_run_id");

ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_pipeline_run_id_fkey" FOREIGN KEY ("pipeline_run_id") REFERENCES "pipeline_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

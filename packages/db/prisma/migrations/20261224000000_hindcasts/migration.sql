-- Hindcasts (issue 22): a model version is live (trained by the daily run, promotable, served) or a
-- hindcast (trained only on the data before a past day, to forecast that day; never promoted or
-- served). A forecast's kind is its version's: the record, /metrics and the API keep them apart.
CREATE TYPE "ForecastKind" AS ENUM ('live', 'hindcast');

ALTER TABLE "model_versions" ADD COLUMN "kind" "ForecastKind" NOT NULL DEFAULT 'live';

CREATE INDEX "model_versions_name_kind_idx" ON "model_versions"("name", "kind");

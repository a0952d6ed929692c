-- Upstream values that failed a plausibility or consistency check: kept apart, never used.
CREATE TABLE "quarantined_values" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "game_key" TEXT,
    "upstream_id" TEXT,
    "bookmaker" TEXT,
    "market" TEXT,
    "captured_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "quarantined_values_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "quarantined_values_fingerprint_key" ON "quarantined_values"("fingerprint");
CREATE INDEX "quarantined_values_source_reason_idx" ON "quarantined_values"("source", "reason");
CREATE INDEX "quarantined_values_first_seen_at_idx" ON "quarantined_values"("first_seen_at");

-- The same upstream game with different content, both versions kept.
CREATE TABLE "upstream_conflicts" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "upstream_id" TEXT NOT NULL,
    "game_key" TEXT,
    "first" JSONB NOT NULL,
    "second" JSONB NOT NULL,
    "resolution" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upstream_conflicts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "upstream_conflicts_fingerprint_key" ON "upstream_conflicts"("fingerprint");
CREATE INDEX "upstream_conflicts_source_kind_idx" ON "upstream_conflicts"("source", "kind");
CREATE INDEX "upstream_conflicts_detected_at_idx" ON "upstream_conflicts"("detected_at");

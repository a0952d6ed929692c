-- CreateEnum
CREATE TYPE "GameType" AS ENUM ('regular', 'playin', 'cup_final', 'playoffs');

-- CreateEnum
CREATE TYPE "GameStatus" AS ENUM ('scheduled', 'live', 'final', 'postponed', 'cancelled');

-- CreateEnum
CREATE TYPE "OddsMarket" AS ENUM ('h2h', 'spreads', 'totals');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('staging', 'production', 'archived');

-- CreateEnum
CREATE TYPE "ModelEventAction" AS ENUM ('registered', 'promoted', 'archived', 'rolled_back');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('running', 'succeeded', 'failed', 'skipped', 'cancelled');

-- CreateTable
CREATE TABLE "teams" (
    "code" VARCHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "conference" TEXT NOT NULL,
    "division" TEXT NOT NULL,
    "api_basketball_id" INTEGER,
    "aliases" TEXT[],
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "games" (
    "id" SERIAL NOT NULL,
    "game_key" TEXT NOT NULL,
    "api_basketball_id" INTEGER,
    "odds_api_id" TEXT,
    "season" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "tipoff" TIMESTAMPTZ(3),
    "home_code" VARCHAR(3) NOT NULL,
    "away_code" VARCHAR(3) NOT NULL,
    "status" "GameStatus" NOT NULL DEFAULT 'scheduled',
    "home_score" INTEGER,
    "away_score" INTEGER,
    "game_type" "GameType" NOT NULL DEFAULT 'regular',
    "neutral_site" BOOLEAN,
    "source" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "games_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "odds_snapshots" (
    "id" SERIAL NOT NULL,
    "game_id" INTEGER NOT NULL,
    "bookmaker" TEXT NOT NULL,
    "market" "OddsMarket" NOT NULL,
    "captured_at" TIMESTAMPTZ(3) NOT NULL,
    "home_price" INTEGER,
    "away_price" INTEGER,
    "home_point" DOUBLE PRECISION,
    "total_point" DOUBLE PRECISION,
    "over_price" INTEGER,
    "under_price" INTEGER,
    "source" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "odds_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'staging',
    "feature_spec" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "trained_from" DATE,
    "trained_to" DATE,
    "training_games" INTEGER,
    "git_commit" TEXT,
    "notes" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promoted_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_artifacts" (
    "id" SERIAL NOT NULL,
    "model_version_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'xgboost-json',
    "content" BYTEA NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size_bytes" INTEGER NOT NULL,

    CONSTRAINT "model_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_metrics" (
    "id" SERIAL NOT NULL,
    "model_version_id" INTEGER NOT NULL,
    "dataset" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "model_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_events" (
    "id" SERIAL NOT NULL,
    "model_name" TEXT NOT NULL,
    "model_version_id" INTEGER NOT NULL,
    "action" "ModelEventAction" NOT NULL,
    "from_status" "ModelStatus",
    "to_status" "ModelStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "predictions" (
    "id" SERIAL NOT NULL,
    "game_id" INTEGER NOT NULL,
    "model_version_id" INTEGER NOT NULL,
    "home_win_prob" DOUBLE PRECISION NOT NULL,
    "expected_margin" DOUBLE PRECISION,
    "expected_total" DOUBLE PRECISION,
    "market_home_prob" DOUBLE PRECISION,
    "edge" DOUBLE PRECISION,
    "market_spread" DOUBLE PRECISION,
    "market_total" DOUBLE PRECISION,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "predicted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),
    "home_won" BOOLEAN,
    "log_loss" DOUBLE PRECISION,
    "brier" DOUBLE PRECISION,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline_runs" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "args" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "resumed_from_id" UUID,

    CONSTRAINT "pipeline_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_runs" (
    "id" SERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "task" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "error" TEXT,
    "result" JSONB,

    CONSTRAINT "task_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "teams_api_basketball_id_key" ON "teams"("api_basketball_id");

-- CreateIndex
CREATE UNIQUE INDEX "games_game_key_key" ON "games"("game_key");

-- CreateIndex
CREATE UNIQUE INDEX "games_api_basketball_id_key" ON "games"("api_basketball_id");

-- CreateIndex
CREATE UNIQUE INDEX "games_odds_api_id_key" ON "games"("odds_api_id");

-- CreateIndex
CREATE INDEX "games_season_idx" ON "games"("season");

-- CreateIndex
CREATE UNIQUE INDEX "games_date_home_code_away_code_key" ON "games"("date", "home_code", "away_code");

-- CreateIndex
CREATE INDEX "odds_snapshots_game_id_market_captured_at_idx" ON "odds_snapshots"("game_id", "market", "captured_at");

-- CreateIndex
CREATE UNIQUE INDEX "odds_snapshots_game_id_bookmaker_market_captured_at_key" ON "odds_snapshots"("game_id", "bookmaker", "market", "captured_at");

-- CreateIndex
CREATE INDEX "model_versions_name_status_idx" ON "model_versions"("name", "status");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_name_version_key" ON "model_versions"("name", "version");

-- CreateIndex
CREATE UNIQUE INDEX "model_artifacts_model_version_id_role_key" ON "model_artifacts"("model_version_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "model_metrics_model_version_id_dataset_name_key" ON "model_metrics"("model_version_id", "dataset", "name");

-- CreateIndex
CREATE INDEX "model_events_model_name_created_at_idx" ON "model_events"("model_name", "created_at");

-- CreateIndex
CREATE INDEX "predictions_model_version_id_settled_at_idx" ON "predictions"("model_version_id", "settled_at");

-- CreateIndex
CREATE UNIQUE INDEX "predictions_game_id_model_version_id_key" ON "predictions"("game_id", "model_version_id");

-- CreateIndex
CREATE INDEX "pipeline_runs_started_at_idx" ON "pipeline_runs"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "task_runs_run_id_task_attempt_key" ON "task_runs"("run_id", "task", "attempt");

-- At most one production version per model name, enforced by the database (not expressible in
-- the Prisma schema, so it lives only here).
CREATE UNIQUE INDEX "model_versions_one_production_per_name" ON "model_versions"("name") WHERE "status" = 'production';

-- AddForeignKey
ALTER TABLE "games" ADD CONSTRAINT "games_home_code_fkey" FOREIGN KEY ("home_code") REFERENCES "teams"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "games" ADD CONSTRAINT "games_away_code_fkey" FOREIGN KEY ("away_code") REFERENCES "teams"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "odds_snapshots" ADD CONSTRAINT "odds_snapshots_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_artifacts" ADD CONSTRAINT "model_artifacts_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_metrics" ADD CONSTRAINT "model_metrics_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_events" ADD CONSTRAINT "model_events_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_runs" ADD CONSTRAINT "task_runs_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

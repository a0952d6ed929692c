-- The season outlook of a morning, per team (issue 21): the simulated probabilities, projected
-- wins, the simulation settings and the rating model used.
CREATE TABLE "season_outlooks" (
    "id" SERIAL NOT NULL,
    "date" DATE NOT NULL,
    "season" INTEGER NOT NULL,
    "team_code" VARCHAR(3) NOT NULL,
    "conference" TEXT NOT NULL,
    "wins" INTEGER NOT NULL,
    "losses" INTEGER NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "wins_mean" DOUBLE PRECISION NOT NULL,
    "wins_p10" INTEGER NOT NULL,
    "wins_p90" INTEGER NOT NULL,
    "seed_probs" DOUBLE PRECISION[],
    "top_seed" DOUBLE PRECISION NOT NULL,
    "make_playin" DOUBLE PRECISION NOT NULL,
    "make_playoffs" DOUBLE PRECISION NOT NULL,
    "make_conf_semis" DOUBLE PRECISION NOT NULL,
    "make_conf_finals" DOUBLE PRECISION NOT NULL,
    "make_finals" DOUBLE PRECISION NOT NULL,
    "win_finals" DOUBLE PRECISION NOT NULL,
    "simulations" INTEGER NOT NULL,
    "simulation_seed" INTEGER NOT NULL,
    "rating_model" TEXT NOT NULL,
    "rating_version" TEXT NOT NULL,
    "rating_params" JSONB NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "season_outlooks_pkey" PRIMARY KEY ("id"),
    -- probabilities stay probabilities whatever writes them
    CONSTRAINT "season_outlooks_probabilities_check" CHECK (
        "top_seed" BETWEEN 0 AND 1 AND "make_playin" BETWEEN 0 AND 1 AND "make_playoffs" BETWEEN 0 AND 1
        AND "make_conf_semis" BETWEEN 0 AND 1 AND "make_conf_finals" BETWEEN 0 AND 1
        AND "make_finals" BETWEEN 0 AND 1 AND "win_finals" BETWEEN 0 AND 1
    )
);

CREATE UNIQUE INDEX "season_outlooks_date_team_code_key" ON "season_outlooks"("date", "team_code");
CREATE INDEX "season_outlooks_season_team_code_date_idx" ON "season_outlooks"("season", "team_code", "date");

ALTER TABLE "season_outlooks" ADD CONSTRAINT "season_outlooks_team_code_fkey" FOREIGN KEY ("team_code") REFERENCES "teams"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

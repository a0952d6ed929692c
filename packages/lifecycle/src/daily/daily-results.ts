import type { PredictResult } from './predict-date';
import type { PromoteResult } from './promote-candidate';
import type { OutlookTaskResult } from '../outlook/daily-outlook';
import type { CandidateResult } from './train-candidate';

/** What `ingest_games` reports: counts of a CSV import or of the dates fetched from API-Basketball. */
export type IngestGamesResult =
  | {
      source: 'csv';
      gameRows: number;
      oddsRows: number;
      inserted: number;
      updated: number;
      rejected: number;
      quarantined: number;
      conflicts: number;
    }
  | {
      dates: number;
      fetched: number;
      inserted: number;
      updated: number;
      unchanged: number;
      rejected: number;
      quarantined: number;
      conflicts: number;
    };

/** What `ingest_odds` reports. */
export interface IngestOddsResult {
  events: number;
  snapshots: number;
  rejected: number;
  quarantined: number;
  conflicts: number;
}

/** What `settle` reports: the forecasts settled and, only when there were any, the ones settled again after a corrected score. */
export interface SettleResult {
  settled: number;
  resettled?: number;
  unsettled?: number;
  correctedGames?: number[];
}

/** What `features` reports about the history loaded for the feature pass. */
export interface FeaturesResult {
  games: number;
  finished: number;
  withLines: number;
}

/** What the train task reports: one candidate per model of the run. */
export interface TrainResult {
  candidates: CandidateResult[];
}

/** What `promote` reports: the candidates promoted, and why the others were held. */
export interface PromoteTaskResult {
  promoted: PromoteResult[];
  held: string[];
}

/** What `predict` reports: each model's forecasts of the day, and the models without a production version. */
export interface PredictTaskResult {
  models: PredictResult[];
  missing: string[];
}

/**
 * The daily pipeline's results by task (the orchestrator's result map): each task's `run` returns
 * its entry and reads its dependencies' entries typed. JSON only: a resume feeds them back from
 * the store. A task added later adds its entry here.
 */
export interface DailyResults {
  ingest_games: IngestGamesResult;
  ingest_odds: IngestOddsResult;
  settle: SettleResult;
  features: FeaturesResult;
  train: TrainResult;
  promote: PromoteTaskResult;
  predict: PredictTaskResult;
  outlook: OutlookTaskResult;
}

// Settlement's SQL lives in @nba/ingestion, beside the re-settlement of a final score corrected upstream.
export { settlePredictions } from '@nba/ingestion';

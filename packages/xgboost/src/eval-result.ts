import { XGBoostError } from './errors';

/**
 * Parses XGBoost's evaluation line, e.g. "[3]\ttrain-logloss:0.52\tvalid-logloss:0.61",
 * into `{ "train-logloss": 0.52, "valid-logloss": 0.61 }` (insertion order kept).
 */
export function parseEvalResult(line: string): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const part of line.trim().split('\t').slice(1)) {
    const at = part.lastIndexOf(':');
    const value = Number(part.slice(at + 1));
    if (at <= 0 || (Number.isNaN(value) && part.slice(at + 1) !== 'nan')) {
      throw new XGBoostError('CALL_FAILED', `Cannot parse XGBoost evaluation output: ${JSON.stringify(line)}`);
    }
    scores[part.slice(0, at)] = value;
  }
  return scores;
}

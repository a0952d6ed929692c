import type { Logger } from '@nba/logging';
import type { DatabaseRetryPolicy } from './database-retry';
import type { PipelineEvent } from './events';
import type { StoreWriter } from './store-writer';

/** Distributes `Omit` over a union, so each event keeps its own fields. */
export type EventInput = PipelineEvent extends infer E
  ? E extends PipelineEvent
    ? Omit<E, 'runId' | 'at'>
    : never
  : never;

/** What every part of one run shares. */
export interface RunScope<C> {
  runId: string;
  context: C;
  /** Aborted (with an OrchestratorError CANCELLED) when the run is cancelled. */
  signal: AbortSignal;
  writer: StoreWriter;
  /** How tasks retry transient database errors. */
  databaseRetry: DatabaseRetryPolicy;
  /** Logger with `runId` (and `pipeline`). */
  logger: Logger;
  emit(event: EventInput): void;
}

/** Message of the abort reason, for records and outcomes. */
export function cancelReasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason);
}

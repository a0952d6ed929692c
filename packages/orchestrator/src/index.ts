export { Pipeline } from './pipeline';
export type { PipelineOptions, RunOptions, ResumeOptions } from './pipeline';
export type { TaskDefinition, TaskRunArgs, SkipIfArgs, DependencyResults, UntypedResults } from './task';
export type { TaskOutcome, TaskOutcomeStatus, RunResult, RunOutcomeStatus } from './outcome';
export type {
  PipelineEvent,
  PipelineEventListener,
  RunStartedEvent,
  TaskStartedEvent,
  TaskRetryingEvent,
  TaskSucceededEvent,
  TaskFailedEvent,
  TaskSkippedEvent,
  TaskCancelledEvent,
  RunFinishedEvent,
} from './events';
export { OrchestratorError, isOrchestratorError } from './orchestrator-error';
export { permanent, isPermanent } from './permanent';
export { withDatabaseRetry, failureLine, DEFAULT_DATABASE_RETRY } from './database-retry';
export type { DatabaseRetryPolicy, DatabaseRetryOptions } from './database-retry';
export type { OrchestratorErrorCode } from './orchestrator-error';
export type {
  RunStore,
  RunRecord,
  RunFilter,
  RunLease,
  TaskAttemptRecord,
  StoredRun,
  StoredRunStatus,
  StoredTaskStatus,
  JsonValue,
} from './run-store';
export { liveStatus } from './run-liveness';
export { InMemoryRunStore } from './memory-run-store';
export { PrismaRunStore, type PrismaRunStoreOptions } from './prisma-run-store';
export { cancelOnSignals, DEFAULT_STOP_SIGNALS } from './signals';
export type { Cancellable } from './signals';
export { backoffDelay } from './backoff';
export { validateGraph } from './graph';
export type { GraphNode } from './graph';

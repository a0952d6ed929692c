import type { RunResult } from './outcome';

interface EventBase {
  runId: string;
  /** Epoch ms when the event happened. */
  at: number;
}

/** A run began; `tasks` lists every task name in the order added. */
export interface RunStartedEvent extends EventBase {
  type: 'run-started';
  name: string;
  tasks: string[];
  resumedFromId?: string;
}
export interface TaskStartedEvent extends EventBase {
  type: 'task-started';
  task: string;
  attempt: number;
}
/** An attempt failed and another will follow after `delayMs`. */
export interface TaskRetryingEvent extends EventBase {
  type: 'task-retrying';
  task: string;
  attempt: number;
  error: Error;
  delayMs: number;
}
export interface TaskSucceededEvent extends EventBase {
  type: 'task-succeeded';
  task: string;
  attempts: number;
  durationMs: number;
  /** Set when the result was taken from an earlier run (resume) instead of running the task. */
  reusedFromRunId?: string;
}
export interface TaskFailedEvent extends EventBase {
  type: 'task-failed';
  task: string;
  attempts: number;
  durationMs: number;
  error: Error;
  continueOnFailure: boolean;
}
export interface TaskSkippedEvent extends EventBase {
  type: 'task-skipped';
  task: string;
  reason: string;
}
export interface TaskCancelledEvent extends EventBase {
  type: 'task-cancelled';
  task: string;
  reason: string;
}
export interface RunFinishedEvent extends EventBase {
  type: 'run-finished';
  result: RunResult;
}

/** Progress events, e.g. for drawing a task list on a terminal. */
export type PipelineEvent =
  | RunStartedEvent
  | TaskStartedEvent
  | TaskRetryingEvent
  | TaskSucceededEvent
  | TaskFailedEvent
  | TaskSkippedEvent
  | TaskCancelledEvent
  | RunFinishedEvent;

/** Receives progress events. Exceptions it throws are logged and ignored. */
export type PipelineEventListener = (event: PipelineEvent) => void;

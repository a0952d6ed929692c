import type { Logger } from '@nba/logging';
import { toError } from './orchestrator-error';
import type { RunRecord, RunStore, TaskAttemptRecord } from './run-store';

/**
 * Writes to a RunStore one at a time, in call order, without making the run wait for each write
 * (a task attempt's "running" row must not overtake its final row). A failed write is logged and
 * remembered; the run goes on.
 */
export class StoreWriter {
  private tail: Promise<void> = Promise.resolve();
  readonly errors: Error[] = [];

  constructor(
    private readonly store: RunStore,
    private readonly logger: Logger,
  ) {}

  run(record: RunRecord): void {
    this.enqueue(`run ${record.id} (${record.status})`, () => this.store.saveRun(record));
  }

  attempt(record: TaskAttemptRecord): void {
    this.enqueue(`task '${record.task}' attempt ${record.attempt} (${record.status})`, () => this.store.saveAttempt(record));
  }

  /** Resolves when every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.tail;
  }

  private enqueue(what: string, write: () => Promise<void>): void {
    this.tail = this.tail.then(write).catch((thrown: unknown) => {
      const error = toError(thrown);
      this.errors.push(error);
      this.logger.error('run store write failed', { what, error: error.message });
    });
  }
}

import type { Logger } from '@nba/logging';
import { failureLine, NO_DATABASE_RETRY, withDatabaseRetry, type DatabaseRetryPolicy } from './database-retry';
import { toError } from './orchestrator-error';
import type { RunRecord, RunStore, TaskAttemptRecord } from './run-store';

/**
 * Writes to a RunStore one at a time, in call order, without making the run wait for each write
 * (a task attempt's "running" row must not overtake its final row). A write that meets a transient
 * database error (a restart) waits for the database and is tried again with `retry`'s backoff, the
 * writes after it queued behind, so that what is recorded stays true: a task that succeeded while
 * the database was away is not left `running`. A write that still fails is logged and remembered;
 * the run goes on.
 */
export class StoreWriter {
  private tail: Promise<void> = Promise.resolve();
  readonly errors: Error[] = [];

  constructor(
    private readonly store: RunStore,
    private readonly logger: Logger,
    private readonly retry: DatabaseRetryPolicy = NO_DATABASE_RETRY,
  ) {}

  run(record: RunRecord): void {
    this.enqueue(`run ${record.id} (${record.status})`, () => this.store.saveRun(record));
  }

  attempt(record: TaskAttemptRecord): void {
    this.enqueue(`task '${record.task}' attempt ${record.attempt} (${record.status})`, () =>
      this.store.saveAttempt(record),
    );
  }

  /** Resolves when every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.tail;
  }

  private enqueue(what: string, write: () => Promise<void>): void {
    this.tail = this.tail.then(() => this.write(what, write));
  }

  private async write(what: string, write: () => Promise<void>): Promise<void> {
    let waited = 0;
    try {
      await withDatabaseRetry(write, {
        policy: this.retry,
        onRetry: (error, retry, delayMs) => {
          waited = retry;
          if (retry === 1)
            this.logger.warn('run store write waits for the database', { what, error: failureLine(error) });
          else this.logger.info('run store write still waiting for the database', { what, retry, delayMs });
        },
      });
      if (waited > 0) this.logger.info('run store write done after the database came back', { what, retries: waited });
    } catch (thrown) {
      const error = toError(thrown);
      this.errors.push(error);
      this.logger.error('run store write failed', { what, error: failureLine(error) });
    }
  }
}

import { Prisma, type DbClient, type PipelineRun, type TaskRun } from '@nba/db';
import type { Logger } from '@nba/logging';
import { acquireAdvisoryLease, LEASE_HELD_SQL } from './advisory-lease';
import type { JsonValue, RunFilter, RunLease, RunRecord, RunStore, StoredRun, TaskAttemptRecord } from './run-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Prisma needs a sentinel for a JSON null (`JsonNull` in a JSON value, `DbNull` for SQL NULL). */
function json(value: JsonValue): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? Prisma.JsonNull : value;
}

/** Where the store's leases connect. */
export interface PrismaRunStoreOptions {
  /** URL of the same database as `db`: leases are session advisory locks on a connection of their own. */
  databaseUrl: string;
  logger?: Logger;
  /** Longest wait for the lease connection to open. */
  connectTimeoutMs?: number;
  /** How long a lease whose connection dropped (a database restart) tries to take its keys again before the run stops. Default 120 s. */
  reconnectWithinMs?: number;
}

function toRecord(run: PipelineRun): RunRecord {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    args: run.args as JsonValue,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    resumedFromId: run.resumedFromId,
    lockKey: run.lockKey,
    holder: run.holder,
  };
}

function toStoredRun(run: PipelineRun & { tasks: TaskRun[] }): StoredRun {
  return {
    ...toRecord(run),
    tasks: run.tasks.map((t) => ({
      runId: t.runId,
      task: t.task,
      attempt: t.attempt,
      status: t.status,
      startedAt: t.startedAt,
      finishedAt: t.finishedAt,
      durationMs: t.durationMs,
      error: t.error,
      result: t.result as JsonValue | null,
    })),
  };
}

/** A RunStore on the PipelineRun and TaskRun tables of @nba/db, with PostgreSQL advisory-lock leases. */
export class PrismaRunStore implements RunStore {
  constructor(
    private readonly db: DbClient,
    private readonly options: PrismaRunStoreOptions,
  ) {}

  async saveRun(run: RunRecord): Promise<void> {
    const data = {
      name: run.name,
      status: run.status,
      args: json(run.args),
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
      resumedFromId: run.resumedFromId,
      lockKey: run.lockKey,
      holder: run.holder,
    };
    await this.db.pipelineRun.upsert({ where: { id: run.id }, create: { id: run.id, ...data }, update: data });
  }

  async saveAttempt(a: TaskAttemptRecord): Promise<void> {
    const data = {
      status: a.status,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      durationMs: a.durationMs,
      error: a.error,
      result: a.result === null ? Prisma.DbNull : (a.result as Prisma.InputJsonValue),
    };
    await this.db.taskRun.upsert({
      where: { runId_task_attempt: { runId: a.runId, task: a.task, attempt: a.attempt } },
      create: { runId: a.runId, task: a.task, attempt: a.attempt, ...data },
      update: data,
    });
  }

  async getRun(id: string): Promise<StoredRun | null> {
    if (!UUID.test(id)) return null; // the column is uuid: any other string cannot match
    const run = await this.db.pipelineRun.findUnique({
      where: { id },
      include: { tasks: { orderBy: [{ task: 'asc' }, { attempt: 'asc' }] } },
    });
    return run ? toStoredRun(run) : null;
  }

  async recentRuns(limit: number): Promise<StoredRun[]> {
    const runs = await this.db.pipelineRun.findMany({
      orderBy: { startedAt: 'desc' },
      take: limit,
      include: { tasks: { orderBy: [{ startedAt: 'asc' }, { attempt: 'asc' }] } },
    });
    return runs.map(toStoredRun);
  }

  async findRuns(filter: RunFilter): Promise<RunRecord[]> {
    const rows = await this.db.pipelineRun.findMany({
      where: { name: filter.name, status: filter.status, lockKey: filter.lockKey, resumedFromId: filter.resumedFromId },
      orderBy: { startedAt: 'desc' },
    });
    return rows.map(toRecord);
  }

  acquireLease(keys: readonly string[]): Promise<RunLease | null> {
    return acquireAdvisoryLease(this.options.databaseUrl, keys, this.options);
  }

  async isLeaseHeld(key: string): Promise<boolean> {
    const rows = await this.db.$queryRawUnsafe<{ held: boolean }[]>(LEASE_HELD_SQL, key);
    return rows[0]?.held === true;
  }
}

import type { ReusedResult } from './execution';
import { OrchestratorError } from './orchestrator-error';
import type { RunStore, StoredRun } from './run-store';
import { runLeaseKey } from './run-liveness';

/** What a resume starts from: the earlier run and the results it (or its own ancestors) produced. */
export interface ResumePlan {
  run: StoredRun;
  reused: Map<string, ReusedResult>;
}

/**
 * Loads run `runId` and collects, for each of `taskNames`, the result of its latest succeeded
 * attempt, following `resumedFromId` back through earlier resumes (a resumed run has no rows for
 * the tasks it reused). Throws RUN_NOT_FOUND; RUN_IN_PROGRESS when the run's process is alive (it
 * holds the run's lease), unless `force`; NOT_RESUMABLE when the run belongs to another pipeline,
 * was already resumed, or has nothing left to run. A run marked running whose lease is free is
 * abandoned and can be resumed.
 */
export async function planResume(
  store: RunStore,
  runId: string,
  pipelineName: string,
  taskNames: readonly string[],
  force: boolean,
): Promise<ResumePlan> {
  const run = await store.getRun(runId);
  if (!run) throw new OrchestratorError('RUN_NOT_FOUND', `no pipeline run with id '${runId}'`);
  if (run.name !== pipelineName) {
    throw new OrchestratorError(
      'NOT_RESUMABLE',
      `run ${runId} belongs to pipeline '${run.name}', not '${pipelineName}'`,
    );
  }
  if (run.status === 'running' && !force && (await store.isLeaseHeld(runLeaseKey(run.id)))) {
    throw new OrchestratorError(
      'RUN_IN_PROGRESS',
      `run ${runId} is still running in a live process (${run.holder ?? 'holder unknown'}, started ${run.startedAt.toISOString()}); wait for it to finish, ` +
        `or stop that process and resume again (force resumes it anyway)`,
    );
  }
  const [later] = await store.findRuns({ resumedFromId: run.id });
  if (later) {
    throw new OrchestratorError(
      'NOT_RESUMABLE',
      `run ${runId} was already resumed by run ${later.id} (${later.status}); resume that one instead`,
    );
  }
  const wanted = new Set(taskNames);
  const reused = new Map<string, ReusedResult>();
  const seen = new Set<string>();
  for (let current: StoredRun | null = run; current && !seen.has(current.id);) {
    seen.add(current.id);
    for (const a of [...current.tasks].reverse()) {
      if (a.status === 'succeeded' && wanted.has(a.task) && !reused.has(a.task)) {
        reused.set(a.task, { result: a.result, runId: current.id });
      }
    }
    current = current.resumedFromId ? await store.getRun(current.resumedFromId) : null;
  }
  if (taskNames.every((t) => reused.has(t))) {
    throw new OrchestratorError('NOT_RESUMABLE', `run ${runId}: every task already succeeded, nothing to resume`);
  }
  return { run, reused };
}

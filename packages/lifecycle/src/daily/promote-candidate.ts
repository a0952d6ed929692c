import type { Logger } from '@nba/logging';
import { RegistryError, type ModelRegistry } from '@nba/registry';
import type { CandidateResult } from './train-candidate';

/** What the promote task reports. */
export interface PromoteResult {
  promoted: string;
  archived: string | null;
  /** The candidate was production already (a re-run after the promotion happened): nothing changed. */
  alreadyInProduction: boolean;
}

/**
 * Makes the candidate the production version. Idempotent: when it already is (the process was
 * killed after promoting, before recording it; or another process promoted it), that is success.
 */
export async function promoteCandidate(
  registry: ModelRegistry,
  logger: Logger,
  c: Pick<CandidateResult, 'name' | 'version'>,
  reason: string,
): Promise<PromoteResult> {
  const done = { promoted: c.version, archived: null, alreadyInProduction: true };
  if ((await registry.getProductionVersion(c.name))?.version === c.version) {
    logger.info('candidate already in production; nothing to do', { model: c.name, version: c.version });
    return done;
  }
  try {
    const r = await registry.promoteVersion(c.name, c.version, { reason });
    return { promoted: r.promoted.version, archived: r.archived?.version ?? null, alreadyInProduction: false };
  } catch (error) {
    // promoted by someone else between the check and the promotion
    if (
      error instanceof RegistryError &&
      error.code === 'INVALID_STATE' &&
      (await registry.getProductionVersion(c.name))?.version === c.version
    )
      return done;
    throw error;
  }
}

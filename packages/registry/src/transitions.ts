import type { DbClient, ModelVersion, Prisma } from '@nba/db';
import { RegistryError, isUniqueViolation } from './registry-error';

type Tx = Prisma.TransactionClient;
type Reader = Pick<DbClient, 'modelVersion' | 'modelEvent'> | Tx;

/** Channel the registry NOTIFYs, with the model name as payload, whenever a name's production version changes. */
export const PROMOTION_CHANNEL = 'model_promoted';

// First key of the two-key advisory lock: keeps the registry's locks apart from any other user of
// advisory locks in the same database. The second key is hashtext(name).
const LOCK_NAMESPACE = 0x6e6261; // "nba"

/** The hint every "no such version" message ends with. */
export function listHint(name: string): string {
  return `see the registered versions with: nba-models list --name ${name}`;
}

/**
 * Runs `fn` in a transaction holding the name's advisory lock, so changes to one model's versions
 * serialise (other names proceed). A unique violation (the database's one-production-per-name
 * index) becomes CONFLICT.
 */
export async function withNameLock<T>(db: DbClient, name: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${name}))`;
      return fn(tx);
    });
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    if (isUniqueViolation(error)) {
      throw new RegistryError(
        'CONFLICT',
        `another change to model '${name}' made a second production version at the same time; nothing was changed, retry`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/** CONFLICT: the change the caller confirmed is no longer the one that would happen. */
export function changedMeanwhile(name: string, what: string): RegistryError {
  return new RegistryError(
    'CONFLICT',
    `model '${name}' changed since the change was shown: ${what}; nothing changed — look again (${listHint(name)}) and re-run it`,
  );
}

/** Sends the promotion notification; delivered to listeners when the transaction commits. */
export async function notifyProductionChange(tx: Tx, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${PROMOTION_CHANNEL}, ${name})`;
}

/** The version row, or NOT_FOUND naming it. */
export async function findVersion(db: Reader, name: string, version: string): Promise<ModelVersion> {
  const row = await db.modelVersion.findUnique({ where: { name_version: { name, version } } });
  if (!row)
    throw new RegistryError('NOT_FOUND', `model '${name}' version ${version} is not registered; ${listHint(name)}`);
  return row;
}

/** The current production row of `name`, or NO_PRODUCTION with how to get one. */
export async function requireProduction(db: Reader, name: string): Promise<ModelVersion> {
  const row = await db.modelVersion.findFirst({ where: { name, status: 'production' } });
  if (!row) {
    throw new RegistryError(
      'NO_PRODUCTION',
      `no production model for '${name}'; promote one with: nba-models promote --name ${name} --version <version> (${listHint(name)})`,
    );
  }
  return row;
}

/**
 * The version that was production before `current`, read from the audit trail: walking back from
 * the newest entry into production, the first one of another version. Rolling back twice therefore
 * returns to where it started.
 */
export async function findRollbackTarget(db: Reader, current: ModelVersion): Promise<ModelVersion> {
  const entries = await db.modelEvent.findMany({
    where: { modelName: current.name, toStatus: 'production', action: { in: ['promoted', 'rolled_back'] } },
    orderBy: { id: 'desc' },
    include: { modelVersion: true },
  });
  const previous = entries.find((e) => e.modelVersionId !== current.id);
  if (!previous) {
    throw new RegistryError(
      'NO_ROLLBACK_TARGET',
      `model '${current.name}' has had no production version before ${current.version}, so there is nothing to roll back to; promote another version with: ` +
        `nba-models promote --name ${current.name} --version <version>`,
    );
  }
  return previous.modelVersion;
}

/** Moves `row` to a new status and writes the audit event, in `tx`. */
export async function transition(
  tx: Tx,
  row: ModelVersion,
  to: 'production' | 'archived',
  event: { action: 'promoted' | 'archived' | 'rolled_back'; actor: string; reason?: string | null; at: Date },
): Promise<void> {
  await tx.modelVersion.update({
    where: { id: row.id },
    data:
      to === 'production'
        ? { status: to, promotedAt: event.at, archivedAt: null }
        : { status: to, archivedAt: event.at },
  });
  await tx.modelEvent.create({
    data: {
      modelName: row.name,
      modelVersionId: row.id,
      action: event.action,
      fromStatus: row.status,
      toStatus: to,
      actor: event.actor,
      reason: event.reason ?? null,
      createdAt: event.at,
    },
  });
}

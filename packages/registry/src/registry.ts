import os from 'node:os';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { verifyChecksum } from './artifact';
import { assertArtifactsVerify, assertBoostersLoad } from './artifact-check';
import { compareMetrics } from './compare';
import { VERSION_INCLUDE, asJson, toEventInfo, toVersionInfo } from './mappers';
import { prepareRegistration } from './registration';
import { RegistryError, isUniqueViolation } from './registry-error';
import { compareSemver } from './semver';
import {
  changedMeanwhile,
  findRollbackTarget,
  findVersion,
  listHint,
  notifyProductionChange,
  requireProduction,
  transition,
  withNameLock,
} from './transitions';
import {
  MODEL_STATUSES,
  type ChangeOptions,
  type Comparison,
  type LiveRecord,
  type ModelEventInfo,
  type ModelRef,
  type ForecastKindName,
  type ModelStatusName,
  type ModelVersionInfo,
  type PromoteOptions,
  type RegisterInput,
  type RollbackOptions,
} from './types';

export interface ModelRegistryOptions {
  logger?: Logger;
  /** Who makes changes when an operation names nobody; default `user@host`. */
  actor?: string;
}

/** `user@host` of this process. */
export function defaultActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): keep 'unknown'
  }
  return `${user}@${os.hostname()}`;
}

/**
 * Model versions in PostgreSQL: registration with artifacts, promotion with at most one production
 * version per name, rollback and archival, comparison, and the audit trail. Every change of a
 * name's production version sends `NOTIFY model_promoted, '<name>'` on commit.
 */
export class ModelRegistry {
  private readonly actor: string;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly db: DbClient,
    options: ModelRegistryOptions = {},
  ) {
    this.actor = options.actor ?? defaultActor();
    this.logger = options.logger;
  }

  /** Registers a version in `staging`; DUPLICATE if the name already has it. */
  async registerVersion(input: RegisterInput): Promise<ModelVersionInfo> {
    const r = prepareRegistration(input);
    assertBoostersLoad(r);
    const actor = input.createdBy ?? this.actor;
    const duplicate = () =>
      new RegistryError(
        'DUPLICATE',
        `model '${r.name}' version ${r.version} is already registered; register under a new version (e.g. bump the patch number) — ${listHint(r.name)}`,
      );
    if (
      await this.db.modelVersion.findUnique({
        where: { name_version: { name: r.name, version: r.version } },
        select: { id: true },
      })
    ) {
      throw duplicate();
    }
    const sameInputs = async () => (r.fingerprint ? this.findVersionByFingerprint(r.name, r.fingerprint) : undefined);
    const trainedAlready = (v: ModelVersionInfo) =>
      new RegistryError(
        'DUPLICATE',
        `model '${r.name}' version ${v.version} was already trained from the same inputs (fingerprint ${r.fingerprint}); use that version — ` +
          `${listHint(r.name)}`,
      );
    const existing = await sameInputs();
    if (existing) throw trainedAlready(existing);
    try {
      const row = await this.db.$transaction(async (tx) => {
        const created = await tx.modelVersion.create({
          data: {
            name: r.name,
            version: r.version,
            status: 'staging',
            featureSpec: asJson(r.featureSpec),
            params: asJson(r.params),
            metrics: r.metrics,
            trainedFrom: r.trainedFrom,
            trainedTo: r.trainedTo,
            trainingGames: r.trainingGames,
            gitCommit: r.gitCommit,
            fingerprint: r.fingerprint,
            pipelineRunId: r.pipelineRunId,
            notes: r.notes,
            kind: r.kind,
            createdBy: actor,
            artifacts: { create: r.artifacts },
            metricRows: { create: r.metricRows },
          },
          include: VERSION_INCLUDE,
        });
        await tx.modelEvent.create({
          data: {
            modelName: r.name,
            modelVersionId: created.id,
            action: 'registered',
            fromStatus: null,
            toStatus: 'staging',
            actor,
            reason: r.notes,
          },
        });
        return created;
      });
      this.logger?.info('model registered', {
        model: r.name,
        version: r.version,
        actor,
        artifacts: r.artifacts.map((a) => a.role),
      });
      return toVersionInfo(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await sameInputs();
      throw raced ? trainedAlready(raced) : duplicate();
    }
  }

  /** The version of `name` trained from the inputs `fingerprint` identifies, if any (whatever its status). */
  async findVersionByFingerprint(name: string, fingerprint: string): Promise<ModelVersionInfo | undefined> {
    const row = await this.db.modelVersion.findUnique({
      where: { name_fingerprint: { name, fingerprint } },
      include: VERSION_INCLUDE,
    });
    return row ? toVersionInfo(row) : undefined;
  }

  /** Versions, optionally of one name and/or status, of one kind (default `live`); by name, newest version first. */
  async listVersions(
    filter: { name?: string; status?: ModelStatusName; kind?: ForecastKindName } = {},
  ): Promise<ModelVersionInfo[]> {
    if (filter.status !== undefined && !MODEL_STATUSES.includes(filter.status)) {
      throw new RegistryError(
        'INVALID_INPUT',
        `status '${String(filter.status)}' is not one of ${MODEL_STATUSES.join(', ')}`,
      );
    }
    const rows = await this.db.modelVersion.findMany({
      where: { name: filter.name, status: filter.status, kind: filter.kind ?? 'live' },
      include: VERSION_INCLUDE,
    });
    return rows.map(toVersionInfo).sort((a, b) => a.name.localeCompare(b.name) || compareSemver(b.version, a.version));
  }

  /** One version; NOT_FOUND when it is not registered. */
  async getVersion(name: string, version: string): Promise<ModelVersionInfo> {
    const row = await this.db.modelVersion.findUnique({
      where: { name_version: { name, version } },
      include: VERSION_INCLUDE,
    });
    if (!row)
      throw new RegistryError('NOT_FOUND', `model '${name}' version ${version} is not registered; ${listHint(name)}`);
    return toVersionInfo(row);
  }

  /** The production version of `name`, if any. */
  async getProductionVersion(name: string): Promise<ModelVersionInfo | undefined> {
    const row = await this.db.modelVersion.findFirst({
      where: { name, status: 'production' },
      include: VERSION_INCLUDE,
    });
    return row ? toVersionInfo(row) : undefined;
  }

  /**
   * Makes `version` the production version of `name`; the previous production version becomes
   * archived, in one transaction that holds the name's lock, so concurrent promotions serialise.
   */
  async promoteVersion(
    name: string,
    version: string,
    options: PromoteOptions = {},
  ): Promise<{ promoted: ModelVersionInfo; archived?: ModelVersionInfo }> {
    const actor = options.actor ?? this.actor;
    const { archivedId } = await withNameLock(this.db, name, async (tx) => {
      const target = await findVersion(tx, name, version);
      if (target.status === 'production') {
        throw new RegistryError(
          'INVALID_STATE',
          `model '${name}' version ${version} is already in production; nothing to do`,
        );
      }
      if (target.kind === 'hindcast') {
        throw new RegistryError(
          'INVALID_STATE',
          `model '${name}' version ${version} is a hindcast (it forecasts past days only) and cannot be promoted`,
        );
      }
      const current = await tx.modelVersion.findFirst({ where: { name, status: 'production' } });
      if (options.expectedProduction !== undefined && (current?.version ?? null) !== options.expectedProduction) {
        throw changedMeanwhile(
          name,
          `production is now ${current?.version ?? 'none'}, not ${options.expectedProduction ?? 'none'}`,
        );
      }
      await this.refuseUnverified(
        assertArtifactsVerify(
          tx,
          target,
          `refusing to promote model '${name}' version ${version}`,
          current ? `production stays ${current.version}` : 'nothing changed',
        ),
        { model: name, version, operation: 'promote' },
      );
      const at = new Date();
      if (current) {
        const why = `replaced by ${version}${options.reason ? `: ${options.reason}` : ''}`;
        await transition(tx, current, 'archived', { action: 'archived', actor, reason: why, at });
      }
      await transition(tx, target, 'production', { action: 'promoted', actor, reason: options.reason, at });
      await notifyProductionChange(tx, name);
      return { archivedId: current?.version };
    });
    this.logger?.info('model promoted', { model: name, version, previous: archivedId, actor, reason: options.reason });
    return {
      promoted: await this.getVersion(name, version),
      archived: archivedId ? await this.getVersion(name, archivedId) : undefined,
    };
  }

  /** What {@link ModelRegistry.rollback} would do now: the current production version and the one it would restore. */
  async planRollback(name: string): Promise<{ from: ModelVersionInfo; to: ModelVersionInfo }> {
    const current = await requireProduction(this.db, name);
    const target = await findRollbackTarget(this.db, current);
    return { from: await this.getVersion(name, current.version), to: await this.getVersion(name, target.version) };
  }

  /** Restores the version that was production before the current one (from the audit trail); the current one is archived. */
  async rollback(
    name: string,
    options: RollbackOptions = {},
  ): Promise<{ promoted: ModelVersionInfo; archived: ModelVersionInfo }> {
    const actor = options.actor ?? this.actor;
    const { from, to } = await withNameLock(this.db, name, async (tx) => {
      const current = await requireProduction(tx, name);
      const target = await findRollbackTarget(tx, current);
      const plan = options.expectedPlan;
      if (plan && (plan.from !== current.version || plan.to !== target.version)) {
        throw changedMeanwhile(
          name,
          `the rollback would now go from ${current.version} to ${target.version}, not from ${plan.from} to ${plan.to}`,
        );
      }
      await this.refuseUnverified(
        assertArtifactsVerify(
          tx,
          target,
          `refusing to roll back model '${name}' to version ${target.version}`,
          `production stays ${current.version}`,
        ),
        { model: name, version: target.version, operation: 'rollback' },
      );
      const at = new Date();
      const why = (what: string) => `${what}${options.reason ? `: ${options.reason}` : ''}`;
      await transition(tx, current, 'archived', {
        action: 'rolled_back',
        actor,
        reason: why(`rolled back to ${target.version}`),
        at,
      });
      await transition(tx, target, 'production', {
        action: 'rolled_back',
        actor,
        reason: why(`rollback from ${current.version}`),
        at,
      });
      await notifyProductionChange(tx, name);
      return { from: current.version, to: target.version };
    });
    this.logger?.info('model rolled back', { model: name, from, to, actor, reason: options.reason });
    return { promoted: await this.getVersion(name, to), archived: await this.getVersion(name, from) };
  }

  /**
   * Checks a version's stored artifacts as promotion does (sha256 against the recorded digest, loaded
   * by XGBoost, `num_feature` and names against the feature spec, a finite prediction) without
   * changing anything; throws CHECKSUM_MISMATCH or INVALID_ARTIFACT naming what failed.
   */
  async verifyVersion(name: string, version: string): Promise<void> {
    const row = await findVersion(this.db, name, version);
    await assertArtifactsVerify(
      this.db,
      row,
      `model '${name}' version ${version} cannot be promoted`,
      'nothing changed',
    );
  }

  /** Archives a staging version. The production version cannot be archived: promote another or roll back. */
  async archiveVersion(name: string, version: string, options: ChangeOptions = {}): Promise<ModelVersionInfo> {
    const actor = options.actor ?? this.actor;
    await withNameLock(this.db, name, async (tx) => {
      const row = await findVersion(tx, name, version);
      if (row.status === 'archived')
        throw new RegistryError('INVALID_STATE', `model '${name}' version ${version} is already archived`);
      if (row.status === 'production') {
        throw new RegistryError(
          'INVALID_STATE',
          `model '${name}' version ${version} is in production and cannot be archived; promote another version (nba-models promote --name ${name} ` +
            `--version <version>) or roll back (nba-models rollback --name ${name})`,
        );
      }
      await transition(tx, row, 'archived', { action: 'archived', actor, reason: options.reason, at: new Date() });
    });
    this.logger?.info('model archived', { model: name, version, actor, reason: options.reason });
    return this.getVersion(name, version);
  }

  /** Awaits a verification, logging a refusal (nothing changes: the transaction rolls back). */
  private async refuseUnverified(check: Promise<void>, context: Record<string, string>): Promise<void> {
    try {
      await check;
    } catch (error) {
      // info, not warn: the caller reports the refusal itself (a command line would print it twice)
      if (error instanceof RegistryError)
        this.logger?.info('refused: artifacts do not verify', { ...context, code: error.code, reason: error.message });
      throw error;
    }
  }

  /**
   * Metrics side by side (b − a) and, with `liveRecord` (the record of stored forecasts, which the
   * registry does not read), both versions' live scores on the settled games both forecast.
   */
  async compareVersions(a: ModelRef, b: ModelRef, liveRecord?: LiveRecord): Promise<Comparison> {
    const [va, vb] = await Promise.all([this.getVersion(a.name, a.version), this.getVersion(b.name, b.version)]);
    const live = await liveRecord?.(va, vb);
    return { a: va, b: vb, metrics: compareMetrics(va, vb), ...(live ? { live } : {}) };
  }

  /** The audit trail of `name` (its live versions), oldest first; NOT_FOUND when no version of it was ever registered. */
  async getHistory(name: string): Promise<ModelEventInfo[]> {
    const rows = await this.db.modelEvent.findMany({
      // hindcast versions' registrations are not part of the name's history (they are never promoted)
      where: { modelName: name, modelVersion: { kind: 'live' } },
      orderBy: { id: 'asc' },
      include: { modelVersion: { select: { version: true } } },
    });
    if (rows.length === 0)
      throw new RegistryError(
        'NOT_FOUND',
        `no model named '${name}' is registered; see the registered models with: nba-models list`,
      );
    return rows.map(toEventInfo);
  }

  /** The version's XGBoost JSON models as text, each verified against its recorded sha256. */
  async loadArtifacts(name: string, version: string): Promise<{ win: string; margin?: string; total?: string }> {
    const row = await this.db.modelVersion.findUnique({
      where: { name_version: { name, version } },
      include: { artifacts: true },
    });
    if (!row)
      throw new RegistryError('NOT_FOUND', `model '${name}' version ${version} is not registered; ${listHint(name)}`);
    const out: { win?: string; margin?: string; total?: string } = {};
    for (const a of row.artifacts) {
      const where = `the '${a.role}' artifact of model '${name}' version ${version}`;
      verifyChecksum(a.content, a.sha256, where);
      if (a.role === 'win' || a.role === 'margin' || a.role === 'total')
        out[a.role] = Buffer.from(a.content).toString('utf8');
    }
    if (out.win === undefined) {
      throw new RegistryError(
        'INVALID_ARTIFACT',
        `model '${name}' version ${version} has no 'win' artifact; register it again with one`,
      );
    }
    return out as { win: string; margin?: string; total?: string };
  }
}

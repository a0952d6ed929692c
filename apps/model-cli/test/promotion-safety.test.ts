// `promote --yes` and `rollback --yes` refuse a version whose stored artifact does not verify
// (exit 1, one line naming the version and what failed) and change nothing; on a terminal the
// refusal comes before the question. The stored bytes are damaged directly in PostgreSQL.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { assertBuilt, runCli, type CliResult } from './run-cli';
import { FEATURES, trainModelJson } from './fixtures';

let db: TestDatabase;
let dir: string;
const model = trainModelJson(1);
const cli = (args: string[], tty = false, beforeAnswer?: () => Promise<void>) =>
  runCli(args, { env: { DATABASE_URL: db.url }, cwd: dir, tty, answer: 'y', beforeAnswer });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  assertBuilt();
  db = await createTestDatabase({ prefix: 'model_cli_safety' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nba-models-safety-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

/** Registers 1.0.0 and 1.1.0 of `name` (in this process: each CLI run costs seconds on a busy machine) and promotes 1.0.0. */
async function setUp(name: string): Promise<void> {
  const registry = new ModelRegistry(db.client, { actor: 'setup@test' });
  const featureSpec = { name: 'pregame', version: '1', features: FEATURES };
  for (const version of ['1.0.0', '1.1.0'])
    await registry.registerVersion({ name, version, artifacts: { win: model }, featureSpec });
  await registry.promoteVersion(name, '1.0.0');
}

/** Replaces the stored win artifact's bytes, and its recorded sha256 when `digest` is true. */
async function tamper(name: string, version: string, content: Buffer, digest: boolean): Promise<void> {
  const v = await db.client.modelVersion.findUniqueOrThrow({ where: { name_version: { name, version } } });
  await db.client.modelArtifact.updateMany({
    where: { modelVersionId: v.id, role: 'win' },
    data: { content: new Uint8Array(content), ...(digest ? { sha256: sha256(content) } : {}) },
  });
}

function flipped(): Buffer {
  const b = Buffer.from(model, 'utf8');
  const at = b.indexOf('"base_score"') + 20;
  b[at] = b[at] === 0x31 ? 0x32 : 0x31;
  return b;
}

/** Statuses and event count of `name`: a refusal leaves them as they were. */
async function state(name: string): Promise<unknown> {
  const versions = await db.client.modelVersion.findMany({
    where: { name },
    orderBy: { id: 'asc' },
    select: { version: true, status: true },
  });
  return { versions, events: await db.client.modelEvent.count({ where: { modelName: name } }) };
}

function expectRefusal(r: CliResult, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('nba-models promote --yes refuses artifacts that do not verify (exit 1, nothing changes)', () => {
  test.each([
    [
      'checksum',
      'flip',
      () => tamper('flip', '1.1.0', flipped(), false),
      /its 'win' artifact is corrupted: its bytes hash to sha256 [0-9a-f]{12}… but [0-9a-f]{12}… was recorded/,
    ],
    [
      'not loadable',
      'junk',
      () => tamper('junk', '1.1.0', Buffer.from('{"not": "a model"}'), true),
      /its 'win' artifact cannot be loaded by XGBoost \(.+\)/,
    ],
    [
      'feature count',
      'narrow',
      () => tamper('narrow', '1.1.0', Buffer.from(trainModelJson(2, FEATURES.slice(0, 2))), true),
      new RegExp(`its 'win' artifact has 2 features \\(num_feature\\) but the feature spec lists ${FEATURES.length}`),
    ],
  ])('%s', async (_kind, name, damage, what) => {
    await setUp(name);
    await damage();
    const before = await state(name);
    const r = await cli(['promote', '--name', name, '--version', '1.1.0', '--yes', '--reason', 'try it']);
    expectRefusal(
      r,
      new RegExp(
        `^error: refusing to promote model '${name}' version 1\\.1\\.0: ${what.source}.*; production stays 1\\.0\\.0\\.`,
      ),
    );
    expect(await state(name)).toEqual(before);
    expect(JSON.parse((await cli(['production', '--name', name, '--json'])).stdout)).toMatchObject({
      version: '1.0.0',
    });
  });
});

describe('nba-models rollback --yes refuses a target that does not verify', () => {
  test('the version to restore was damaged: exit 1, production stays', async () => {
    await setUp('back');
    await new ModelRegistry(db.client).promoteVersion('back', '1.1.0');
    await tamper('back', '1.0.0', flipped(), false);
    const before = await state('back');
    const r = await cli(['rollback', '--name', 'back', '--yes']);
    expectRefusal(
      r,
      /^error: refusing to roll back model 'back' to version 1\.0\.0: its 'win' artifact is corrupted: .*; production stays 1\.1\.0\./,
    );
    expect(await state('back')).toEqual(before);
  });
});

const describePty = spawnSync('script', ['--version']).status === 0 ? describe : describe.skip;
describePty('on a terminal', () => {
  test('the prompt says an intact version verified; a damaged rollback target is refused before the question', async () => {
    await setUp('ask');
    const ok = await cli(['promote', '--name', 'ask', '--version', '1.1.0'], true);
    expect(ok.stdout).toContain(`artifacts of 1.1.0 verified: sha256, loaded by XGBoost, ${FEATURES.length} features`);
    expect(ok.code).toBe(0);
    await tamper('ask', '1.0.0', flipped(), false);
    const before = await state('ask');
    const r = await cli(['rollback', '--name', 'ask'], true);
    expect(r.stdout).not.toContain('[y/N]');
    expect(r.stdout + r.stderr).toMatch(
      /model 'ask' version 1\.0\.0 cannot be promoted: its 'win' artifact is corrupted/,
    );
    expect(r.code).toBe(1);
    expect(await state('ask')).toEqual(before);
  });

  test('a promotion made while the question is on screen: the confirmed one is refused (CONFLICT), nothing else changes', async () => {
    await setUp('race');
    const registry = new ModelRegistry(db.client, { actor: 'other@test' });
    await registry.registerVersion({
      name: 'race',
      version: '1.2.0',
      artifacts: { win: model },
      featureSpec: { name: 'pregame', version: '1', features: FEATURES },
    });
    const r = await cli(['promote', '--name', 'race', '--version', '1.1.0'], true, async () => {
      await registry.promoteVersion('race', '1.2.0');
    });
    expect(r.stdout).toContain('1.0.0  production -> archived');
    expect(r.stdout + r.stderr).toMatch(
      /model 'race' changed since the change was shown: production is now 1\.2\.0, not 1\.0\.0; nothing changed/,
    );
    expect(r.code).toBe(1);
    expect(await state('race')).toMatchObject({
      versions: [{ status: 'archived' }, { status: 'staging' }, { status: 'production' }],
    });
  });
});

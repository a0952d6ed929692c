import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeTo, createTestDatabase, predictRowWithXgboost, type TestDatabase } from '@nba/testing';
import { assertBuilt, runCli } from './run-cli';
import { FEATURES, trainModelJson } from './fixtures';

let db: TestDatabase;
let dir: string;
let cli: (args: string[]) => ReturnType<typeof runCli>;
const model1 = trainModelJson(1);
const model2 = trainModelJson(2);

beforeAll(async () => {
  assertBuilt();
  db = await createTestDatabase({ prefix: 'model_cli_cmd' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nba-models-'));
  writeFileSync(path.join(dir, 'm1.json'), model1);
  writeFileSync(path.join(dir, 'm2.json'), model2);
  writeFileSync(
    path.join(dir, 'metrics1.json'),
    JSON.stringify({ logLoss: 0.65, accuracy: 0.62, 'backtest-2024': { logLoss: 0.66 } }),
  );
  writeFileSync(path.join(dir, 'metrics2.json'), JSON.stringify({ logLoss: 0.63, accuracy: 0.64 }));
  writeFileSync(path.join(dir, 'broken.json'), '{"not": "a model"}');
  writeFileSync(path.join(dir, 'features.json'), JSON.stringify(FEATURES));
  cli = (args) => runCli(args, { env: { DATABASE_URL: db.url }, cwd: dir });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe('usage (exit 2)', () => {
  test('--help prints every command and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of [
      'list',
      'production',
      'show',
      'register',
      'promote',
      'compare',
      'rollback',
      'archive',
      'history',
      'export',
    ])
      expect(r.stdout).toContain(c);
  });
  test.each([
    [[], /Usage: nba-models/],
    [['deploy'], /unknown command 'deploy'[\s\S]*Usage: nba-models/],
    [['show', '--name', 'winner'], /required option '--version <version>' not specified[\s\S]*Usage: nba-models show/],
    [['list', '--status', 'live'], /Allowed choices are staging, production, archived/],
    [
      ['compare', '--model1', 'winner', '--model2', 'winner:1.0.0'],
      /expected NAME:VERSION, e.g. winner:1.1.0, got 'winner'/,
    ],
    [
      ['register', '--name', 'winner', '--version', '1.0', '--artifact', 'm1.json'],
      /'1\.0' is not a semantic version[\s\S]*Usage: nba-models register/,
    ],
    [
      ['show', '--name', 'winner', '--version', 'not-semver'],
      /'not-semver' is not a semantic version[\s\S]*Usage: nba-models show/,
    ],
    [
      ['register', '--name', 'winner', '--version', '1.0.0', '--artifact', 'm1.json', '--training-games', 'many'],
      /--training-games <n>' argument 'many' is invalid/,
    ],
  ])('%j exits 2 with the reason', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
  test('a bad environment variable is named', async () => {
    const r = await runCli(['list'], { env: { DATABASE_URL: 'mysql://x' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL: must be a postgres/);
  });
});

describe('commands against a real database', () => {
  test('production before any promotion: exit 1 with what to do', async () => {
    const r = await cli(['production', '--name', 'winner']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "no production model for 'winner'; promote one with: nba-models promote --name winner --version <version>",
    );
    const all = await cli(['production']);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('no model is in production');
  });

  test('register: text, --json, duplicate and bad artifacts', async () => {
    const r = await cli([
      'register',
      '--name',
      'winner',
      '--version',
      '1.0.0',
      '--artifact',
      'm1.json',
      '--metrics',
      'metrics1.json',
      '--notes',
      'first model',
      '--trained-from',
      '2016-10-25',
      '--trained-to',
      '2023-06-12',
      '--training-games',
      '8400',
      '--git-commit',
      'abc1234',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'registered winner 1.0.0 (staging); promote it with: nba-models promote --name winner --version 1.0.0\n',
    );
    const j = await cli([
      'register',
      '--name',
      'winner',
      '--version',
      '1.1.0',
      '--artifact',
      'm2.json',
      '--metrics',
      'metrics2.json',
      '--json',
    ]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({
      name: 'winner',
      version: '1.1.0',
      status: 'staging',
      featureSpec: { features: FEATURES },
      metrics: { validation: { logLoss: 0.63, accuracy: 0.64 } },
    });
    const dup = await cli(['register', '--name', 'winner', '--version', '1.0.0', '--artifact', 'm1.json']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/error: model 'winner' version 1\.0\.0 is already registered/);
    const bad = await cli([
      'register',
      '--name',
      'winner',
      '--version',
      '2.0.0',
      '--artifact',
      'broken.json',
      '--features',
      'features.json',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not an XGBoost model/);
    const missing = await cli(['register', '--name', 'winner', '--version', '2.0.0', '--artifact', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the model file .*nope\.json: no such file/);
  });

  test('list: table and --json, with filters', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+VERSION\s+STATUS\s+REGISTERED\s+BY\s+METRICS$/);
    expect(lines[1]).toMatch(
      /^winner\s+1\.1\.0\s+staging\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\S+@\S+\s+accuracy 0\.6400, logLoss 0\.6300$/,
    );
    expect(lines[2]).toMatch(/^winner\s+1\.0\.0\s+staging/);
    const j = JSON.parse((await cli(['list', '--json', '--name', 'winner'])).stdout) as { version: string }[];
    expect(j.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    const none = await cli(['list', '--status', 'production']);
    expect(none).toMatchObject({ code: 0, stdout: 'no model versions with status production\n' });
    expect(JSON.parse((await cli(['list', '--status', 'archived', '--json'])).stdout)).toEqual([]);
  });

  test('show: details, --json, unknown version', async () => {
    const r = await cli(['show', '--name', 'winner', '--version', '1.0.0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('winner 1.0.0  [staging]');
    expect(r.stdout).toMatch(/trained on\s+2016-10-25 \.\. 2023-06-12 \(8400 games\)/);
    expect(r.stdout).toMatch(/features\s+from-artifact v1: elo_diff, rest_diff, form_diff/);
    expect(r.stdout).toMatch(/win\s+xgboost-json\s+\d+ bytes\s+sha256 [0-9a-f]{64}/);
    expect(r.stdout).toMatch(/backtest-2024\s+logLoss\s+0\.6600/);
    const j: unknown = JSON.parse((await cli(['show', '--name', 'winner', '--version', '1.0.0', '--json'])).stdout);
    expect(j).toMatchObject({
      version: '1.0.0',
      gitCommit: 'abc1234',
      notes: 'first model',
      artifacts: [{ role: 'win', sizeBytes: Buffer.byteLength(model1) }],
    });
    const missing = await cli(['show', '--name', 'winner', '--version', '9.9.9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "error: model 'winner' version 9.9.9 is not registered; see the registered versions with: nba-models list --name winner",
    );
  });

  test('promote: refused off a terminal without --yes, then done with --yes', async () => {
    const refused = await cli(['promote', '--name', 'winner', '--version', '1.0.0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "refusing to promote 'winner' 1.0.0 without confirmation: stdin is not a terminal",
    );
    expect(refused.stderr).toContain('--yes');
    expect(await db.client.modelVersion.count({ where: { status: 'production' } })).toBe(0);
    const r = await cli(['promote', '--name', 'winner', '--version', '1.0.0', '--yes', '--reason', 'first go-live']);
    expect(r).toMatchObject({ code: 0, stdout: 'promoted winner 1.0.0 to production\n' });
    const j = await cli(['promote', '--name', 'winner', '--version', '1.1.0', '--yes', '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({
      promoted: { version: '1.1.0', status: 'production' },
      archived: { version: '1.0.0', status: 'archived' },
    });
    const again = await cli(['promote', '--name', 'winner', '--version', '1.1.0', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("model 'winner' version 1.1.0 is already in production");
  });

  test('production: one model and all models, text and --json', async () => {
    const r = await cli(['production', '--name', 'winner']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('winner 1.1.0  [production]');
    expect(JSON.parse((await cli(['production', '--name', 'winner', '--json'])).stdout)).toMatchObject({
      version: '1.1.0',
      status: 'production',
    });
    const all = await cli(['production']);
    expect(all.stdout).toMatch(/^NAME\s+VERSION\s+PROMOTED\s+METRICS\nwinner\s+1\.1\.0\s+/);
  });

  test('compare: metrics side by side with differences, and --json', async () => {
    const r = await cli(['compare', '--model1', 'winner:1.0.0', '--model2', 'winner:1.1.0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('winner 1.0.0 [archived]  vs  winner 1.1.0 [production]');
    expect(r.stdout).toMatch(/validation\s+logLoss\s+0\.6500\s+0\.6300\s+-0\.0200/);
    expect(r.stdout).toMatch(/validation\s+accuracy\s+0\.6200\s+0\.6400\s+\+0\.0200/);
    expect(r.stdout).toMatch(/backtest-2024\s+logLoss\s+0\.6600\s+-\s+-/);
    expect(r.stdout).toContain('live forecasts: none on common settled games yet');
    const j = JSON.parse(
      (await cli(['compare', '--model1', 'winner:1.0.0', '--model2', 'winner:1.1.0', '--json'])).stdout,
    ) as { metrics: unknown[] };
    expect(j.metrics).toContainEqual({
      dataset: 'validation',
      metric: 'logLoss',
      a: 0.65,
      b: 0.63,
      difference: closeTo(-0.02, 10),
    });
  });

  test('rollback: refused without --yes off a terminal, then back to 1.0.0', async () => {
    const refused = await cli(['rollback', '--name', 'winner']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refusing to roll back 'winner' without confirmation");
    const r = await cli(['rollback', '--name', 'winner', '--yes', '--reason', 'calibration drift']);
    expect(r).toMatchObject({ code: 0, stdout: 'rolled back winner: 1.0.0 is in production; archived 1.1.0\n' });
    const none = await cli(['rollback', '--name', 'other', '--yes']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no production model for 'other'");
  });

  test('archive: staging versions; production refused with what to do', async () => {
    await cli(['register', '--name', 'winner', '--version', '1.2.0-rc.1', '--artifact', 'm1.json']);
    const r = await cli(['archive', '--name', 'winner', '--version', '1.2.0-rc.1', '--reason', 'not needed']);
    expect(r).toMatchObject({ code: 0, stdout: 'archived winner 1.2.0-rc.1\n' });
    const prod = await cli(['archive', '--name', 'winner', '--version', '1.0.0']);
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain(
      "model 'winner' version 1.0.0 is in production and cannot be archived; promote another version",
    );
  });

  test('history: who, when, what, why', async () => {
    const r = await cli(['history', '--name', 'winner']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^WHEN\s+VERSION\s+ACTION\s+CHANGE\s+BY\s+REASON$/);
    expect(
      lines.slice(1).map((l) =>
        l
          .split(/\s{2,}/)
          .slice(1, 4)
          .join(' | '),
      ),
    ).toEqual([
      '1.0.0 | registered | new -> staging',
      '1.1.0 | registered | new -> staging',
      '1.0.0 | promoted | staging -> production',
      '1.0.0 | archived | production -> archived',
      '1.1.0 | promoted | staging -> production',
      '1.1.0 | rolled_back | production -> archived',
      '1.0.0 | rolled_back | archived -> production',
      '1.2.0-rc.1 | registered | new -> staging',
      '1.2.0-rc.1 | archived | staging -> archived',
    ]);
    expect(r.stdout).toMatch(/rolled back to 1\.0\.0: calibration drift/);
    const j = JSON.parse((await cli(['history', '--name', 'winner', '--json'])).stdout) as {
      action: string;
      reason: string | null;
    }[];
    expect(j).toHaveLength(9);
    expect(j[2]).toMatchObject({ action: 'promoted', reason: 'first go-live' });
    const none = await cli(['history', '--name', 'ghost']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no model named 'ghost'");
  });

  test('export: the exact XGBoost JSON, loadable by XGBoost', async () => {
    const r = await cli(['export', '--name', 'winner', '--version', '1.1.0', '--out', 'exported.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote winner 1\.1\.0 \(win, \d+ bytes, sha256 [0-9a-f]{64}\) to .*exported\.json\n$/);
    const file = path.join(dir, 'exported.json');
    expect(readFileSync(file, 'utf8')).toBe(model2);
    expect(predictRowWithXgboost(readFileSync(file), [0.3, -0.1, 0.5])).toBe(
      predictRowWithXgboost(model2, [0.3, -0.1, 0.5]),
    );
    const noRole = await cli([
      'export',
      '--name',
      'winner',
      '--version',
      '1.1.0',
      '--out',
      'x.json',
      '--role',
      'margin',
    ]);
    expect(noRole.code).toBe(1);
    expect(noRole.stderr).toContain("has no 'margin' model (it has: win)");
  });

  const python = spawnSync('/usr/bin/python3', ['-c', 'import xgboost'], { encoding: 'utf8' });
  (python.status === 0 ? test : test.skip)(
    'export: Python xgboost loads the exported model and predicts the same',
    () => {
      const file = path.join(dir, 'exported.json');
      const p = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          `import xgboost, numpy\nb = xgboost.Booster()\nb.load_model(${JSON.stringify(file)})\n` +
            `d = xgboost.DMatrix(numpy.array([[0.3, -0.1, 0.5]], dtype=numpy.float32), feature_names=b.feature_names)\nprint(repr(float(b.predict(d)[0])))`,
        ],
        { encoding: 'utf8' },
      );
      expect(p.stderr).toBe('');
      expect(Number(p.stdout.trim())).toBeCloseTo(predictRowWithXgboost(model2, [0.3, -0.1, 0.5]), 6);
    },
  );

  test('compare shows live scores when both versions forecast the same settled games', async () => {
    const version = (v: string) =>
      db.client.modelVersion.findUniqueOrThrow({ where: { name_version: { name: 'winner', version: v } } });
    const [a, b] = await Promise.all([version('1.0.0'), version('1.1.0')]);
    const outcomes = [true, false, true];
    for (const [i, homeWon] of outcomes.entries()) {
      const game = await db.client.game.create({
        data: {
          gameKey: `2024011${i}_BOS_LAL`,
          season: 2024,
          date: new Date(Date.UTC(2024, 0, 10 + i)),
          homeCode: 'LAL',
          awayCode: 'BOS',
          status: 'final',
          source: 'test',
        },
      });
      const settled = { homeWon, settledAt: new Date() };
      await db.client.prediction.create({
        data: { gameId: game.id, modelVersionId: a.id, homeWinProb: 0.6, ...settled },
      });
      await db.client.prediction.create({
        data: { gameId: game.id, modelVersionId: b.id, homeWinProb: homeWon ? 0.7 : 0.3, ...settled },
      });
    }
    const r = await cli(['compare', '--model1', 'winner:1.0.0', '--model2', 'winner:1.1.0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('live forecasts on 3 games both settled:');
    // a: p=0.6 on all three (2 right); b: 0.7 on the right side every time.
    const la = -(2 * Math.log(0.6) + Math.log(0.4)) / 3;
    const lb = -Math.log(0.7);
    expect(r.stdout).toMatch(new RegExp(`logLoss\\s+${la.toFixed(4)}\\s+${lb.toFixed(4)}\\s+-${(la - lb).toFixed(4)}`));
    expect(r.stdout).toMatch(/accuracy\s+0\.6667\s+1\.0000\s+\+0\.3333/);
    const j = JSON.parse(
      (await cli(['compare', '--model1', 'winner:1.0.0', '--model2', 'winner:1.1.0', '--json'])).stdout,
    ) as {
      live: { games: number; b: { brier: number } };
    };
    expect(j.live.games).toBe(3);
    expect(j.live.b.brier).toBeCloseTo(0.09, 10);
  });

  test('a leading "--" (as `pnpm models -- list` passes it) is ignored', async () => {
    const r = await cli(['--', 'list', '--name', 'winner', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  test('an unreachable database fails with exit 3 and says so (database-startup.test.ts has every case)', async () => {
    const r = await runCli(['list'], { env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nba' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: the database server at 127\.0\.0\.1:1 refused the connection/m);
  });
});

import { mkdtempSync, mkdirSync, cpSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DbError, migrate, MIGRATIONS_DIR, readMigrations } from '../src';
import { expectedColumns } from './schema-model';
import { TEST_SERVER_URL } from './test-server';
import { required } from '@nba/errors';

const server = TEST_SERVER_URL;
const created: string[] = [];

function urlOf(name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql<T extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `nba_test_migrate_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await sql(server, `CREATE DATABASE "${name}"`);
  created.push(name);
  return urlOf(name);
}

afterAll(async () => {
  for (const name of created) await sql(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe('migrate', () => {
  it('applies every migration once, records it as Prisma does, and is idempotent', async () => {
    const url = await emptyDatabase();
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const rows = await sql<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(url, 'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"');
    expect(rows).toHaveLength(first.applied.length);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it('is safe when several processes migrate at once', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied)).toEqual(readMigrations().map((m) => m.name));
    const [{ n }] = (await sql<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"')) as [
      { n: string },
    ];
    expect(Number(n)).toBe(readMigrations().length);
  });

  it('refuses to run when an applied migration file changed', async () => {
    const url = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(url, { dir });
    const first = required(readMigrations(dir)[0], 'the first migration');
    writeFileSync(path.join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    const changed = await migrate(url, { dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(changed).toBeInstanceOf(DbError);
    expect(changed).toMatchObject({ code: 'MIGRATION_CHANGED' });
    expect((changed as DbError).message).toContain(first.name);
  });

  it('rolls back a failing migration and reports it', async () => {
    const url = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    mkdirSync(path.join(dir, '20990101000000_broken'));
    writeFileSync(
      path.join(dir, '20990101000000_broken', 'migration.sql'),
      'CREATE TABLE ok_table (id int);\nSELECT * FROM no_such_table;',
    );
    const err = await migrate(url, { dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('MIGRATION_FAILED');
    const tables = await sql(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'ok_table'");
    expect(tables).toHaveLength(0);
  });
});

describe('schema drift', () => {
  it('has every model and field of schema.prisma with its type and nullability after migrating an empty database', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const actual = await sql<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      url,
      "SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> " +
        "'_prisma_migrations'",
    );
    const byKey = new Map(actual.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const expected = expectedColumns();
    expect(expected.length).toBeGreaterThan(80);
    const problems: string[] = [];
    for (const e of expected) {
      const a = byKey.get(`${e.table}.${e.column}`);
      if (!a) problems.push(`missing column ${e.table}.${e.column}`);
      else {
        if (a.udt_name !== e.udt) problems.push(`${e.table}.${e.column}: type ${a.udt_name}, schema says ${e.udt}`);
        if ((a.is_nullable === 'YES') !== e.nullable)
          problems.push(`${e.table}.${e.column}: nullable=${a.is_nullable}, schema says ${e.nullable}`);
      }
      byKey.delete(`${e.table}.${e.column}`);
    }
    for (const extra of byKey.keys()) problems.push(`column ${extra} is not in the schema`);
    expect(problems).toEqual([]);
  });

  it('enforces at most one production version per model name', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const insert = (version: string, status: string) =>
      sql(
        url,
        `INSERT INTO model_versions (name, version, status, feature_spec, params, metrics, created_by) VALUES ('winner', $1, $2, '{}', '{}', '{}', 'test')`,
        [version, status],
      );
    await insert('1.0.0', 'production');
    await insert('1.1.0', 'staging');
    await insert('2.0.0', 'archived');
    await expect(insert('1.2.0', 'production')).rejects.toThrow(/model_versions_one_production_per_name/);
  });
});

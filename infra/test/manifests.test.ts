import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { API_ENV_VARS, readEnv as readApiEnv } from '@nba/api';
import { createProgram, PIPELINE_ENV_VARS } from '@nba/pipeline-runner';
import { parseDockerfile } from './support/dockerfile';
import {
  containersOf,
  find,
  hasKubectl,
  imageTarget,
  kustomize,
  loadYamlFile,
  podSpecOf,
  yamlFiles,
  type K8sObject,
} from './support/manifests';
import { renderKustomization } from './support/kustomize';
import { APPS, K8S_DIR, REPO_ROOT, type AppTarget } from './support/paths';

const BASE = path.join(K8S_DIR, 'base');
const PRODUCTION = path.join(K8S_DIR, 'overlays', 'production');

/** Env each app's image may receive: its own schema plus the Node runtime's variables. */
const NODE_RUNTIME_VARS = ['NODE_OPTIONS', 'NODE_ENV'];
const ENV_SCHEMAS: Partial<Record<AppTarget, readonly string[]>> = {
  api: API_ENV_VARS,
  'pipeline-runner': PIPELINE_ENV_VARS,
};

const KUBECTL = hasKubectl();
/** Renders with kubectl where installed, else with the tests' renderer (checked equal to kubectl's in schemas.test.ts). */
const render = (dir: string): K8sObject[] => (KUBECTL ? kustomize(dir) : renderKustomization(dir));

/** The rendered manifests of each kustomization. */
const rendered: Array<[string, K8sObject[]]> = [
  ['base', render(BASE)],
  ['production', render(PRODUCTION)],
];

const dockerTargets = new Set(parseDockerfile().stages.flatMap((s) => (s.name ? [s.name] : [])));
const exampleSecret = loadYamlFile(path.join(K8S_DIR, 'examples', 'secret.example.yaml'))[0] as K8sObject;

/** Route paths the api declares (`path: '/health'` in an apiRoute) or registers (`router.get('/docs', ...)`) anywhere in its source. */
function apiRoutePaths(): Set<string> {
  const paths = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        // routes are declared once (apiRoute: `path: '/health'`) or served directly (`.get('/docs'`)
        for (const m of readFileSync(full, 'utf8').matchAll(/(?:\.(?:get|all)\(\s*|\bpath:\s*)['"`](\/[^'"`]*)['"`]/g))
          paths.add(m[1] as string);
      }
    }
  };
  walk(path.join(APPS.api.dir, 'src'));
  return paths;
}

describe('every manifest file', () => {
  it.each(yamlFiles().map((f) => [path.relative(REPO_ROOT, f)]))(
    '%s parses, and each document names its kind',
    (rel) => {
      const docs = loadYamlFile(path.join(REPO_ROOT, rel));
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs as K8sObject[]) {
        expect(typeof doc.apiVersion).toBe('string');
        expect(typeof doc.kind).toBe('string');
        if (doc.kind !== 'Kustomization') expect(doc.metadata?.name).toMatch(/^[a-z0-9-]+$/);
      }
    },
  );
});

describe.each(rendered)('%s manifests', (_name, objects) => {
  const containers = containersOf(objects);

  it('have workloads, each container from a Dockerfile target', () => {
    expect(containers.length).toBeGreaterThanOrEqual(3);
    for (const { owner, container } of containers) {
      const target = imageTarget(container.image);
      expect({ workload: `${owner.kind}/${owner.metadata.name}`, target, known: dockerTargets.has(target) }).toEqual({
        workload: `${owner.kind}/${owner.metadata.name}`,
        target,
        known: true,
      });
    }
  });

  it("give each container only variables its app's env schema reads", () => {
    for (const { owner, container } of containers) {
      const target = imageTarget(container.image) as AppTarget;
      const schema = ENV_SCHEMAS[target];
      if (!schema) throw new Error(`no env schema known for image target ${target} (${owner.metadata.name})`);
      expect(container.envFrom).toBeUndefined(); // every variable listed, so it can be checked
      const unknown = (container.env ?? [])
        .map((e) => e.name)
        .filter((n) => !schema.includes(n) && !NODE_RUNTIME_VARS.includes(n));
      expect({ workload: owner.metadata.name, unknown }).toEqual({ workload: owner.metadata.name, unknown: [] });
    }
  });

  it('take secrets from secretKeyRef keys that the example Secret defines', () => {
    const refs = containers.flatMap(({ container }) =>
      (container.env ?? []).flatMap((e) =>
        e.valueFrom?.secretKeyRef ? [{ env: e.name, ...e.valueFrom.secretKeyRef }] : [],
      ),
    );
    expect(refs.map((r) => r.env)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'API_BASKETBALL_KEY', 'THE_ODDS_API_KEY']),
    );
    for (const ref of refs) {
      expect(ref.name).toBe(exampleSecret.metadata.name);
      expect(Object.keys(exampleSecret.stringData ?? {})).toContain(ref.key);
    }
    // secrets never as plain values
    for (const { container } of containers) {
      for (const e of container.env ?? [])
        if (/KEY|DATABASE_URL|PASSWORD|TOKEN/.test(e.name)) expect(e.value).toBeUndefined();
    }
  });

  it('run every pod as non-root with a read-only root filesystem and no privilege escalation', () => {
    for (const { owner, container } of containers) {
      const pod = podSpecOf(owner);
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.resources?.requests).toBeDefined();
      expect(container.resources?.limits).toBeDefined();
    }
  });

  it('give the api a read-only root filesystem with an emptyDir on /tmp (what image.sh check runs it with)', () => {
    const pod = find(objects, 'Deployment', 'nba-api').spec.template.spec;
    const api = pod.containers.find((c: { name: string }) => c.name === 'api');
    expect(api.securityContext.readOnlyRootFilesystem).toBe(true);
    const tmp = api.volumeMounts?.find((m: { mountPath: string }) => m.mountPath === '/tmp');
    expect(tmp).toBeDefined();
    const volume = pod.volumes?.find((v: { name: string }) => v.name === tmp.name);
    expect(volume?.emptyDir).toBeDefined();
  });

  it('define the api Deployment as the issue specifies', () => {
    const deployment = find(objects, 'Deployment', 'nba-api');
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template;
    const api = pod.spec.containers.find((c: { name: string }) => c.name === 'api');
    expect(api.resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '500m', memory: '1Gi' },
    });
    expect(api.livenessProbe.httpGet.path).toBe('/health');
    expect(api.readinessProbe.httpGet.path).toBe('/ready');
    const port = api.ports.find((p: { name: string }) => p.name === 'http');
    expect(port?.containerPort).toBe(8080);
    const portEnv = api.env.find((e: { name: string }) => e.name === 'PORT');
    expect(Number(portEnv?.value ?? 8080)).toBe(port?.containerPort);
    // every probe on the probe port (its own worker thread), the one PROBE_PORT names
    const probePort = api.ports.find((p: { name: string }) => p.name === 'probes');
    for (const probe of [api.startupProbe, api.livenessProbe, api.readinessProbe])
      expect(probe.httpGet.port).toBe('probes');
    const probePortEnv = api.env.find((e: { name: string }) => e.name === 'PROBE_PORT');
    expect(Number(probePortEnv?.value ?? 8081)).toBe(probePort?.containerPort);
    expect(probePort?.containerPort).not.toBe(port?.containerPort);
    expect(pod.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(port?.containerPort),
      'prometheus.io/path': '/metrics',
    });
  });

  it('give the api a grace period that covers its whole stop: preStop sleep, drain, in-flight timeout and a margin', () => {
    const pod = find(objects, 'Deployment', 'nba-api').spec.template.spec;
    const api = pod.containers.find((c: { name: string }) => c.name === 'api');
    const command = api.lifecycle?.preStop?.exec?.command as string[] | undefined;
    expect(command?.[0]).toBe('sleep');
    const preStopMs = Number(command?.[1]) * 1000;
    const env = readApiEnv(
      Object.fromEntries(
        (api.env as { name: string; value?: string }[]).flatMap((e) =>
          e.value === undefined ? [] : [[e.name, e.value]],
        ),
      ),
    );
    expect(preStopMs).toBeGreaterThan(0);
    // SIGTERM arrives after preStop; the process then drains and waits for in-flight requests
    const marginMs = 5_000;
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(
      preStopMs + env.SHUTDOWN_DRAIN_MS + env.SHUTDOWN_TIMEOUT_MS + marginMs,
    );
    // the readiness probe's timeout is not longer than the drain: a probe in flight at the signal is answered
    expect(api.readinessProbe.timeoutSeconds * 1000).toBeLessThanOrEqual(env.SHUTDOWN_DRAIN_MS);
  });

  it('probe and scrape only paths the api routes', () => {
    const routes = apiRoutePaths();
    const deployment = find(objects, 'Deployment', 'nba-api');
    const probePaths = deployment.spec.template.spec.containers.flatMap(
      (c: Record<string, { httpGet?: { path: string } } | undefined>) =>
        ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => {
          const probePath = c[p]?.httpGet?.path;
          return probePath === undefined ? [] : [probePath];
        }),
    );
    const scrapePath = deployment.spec.template.metadata.annotations['prometheus.io/path'];
    for (const p of [...probePaths, scrapePath])
      expect({ path: p, routed: routes.has(p) }).toEqual({ path: p, routed: true });
  });

  it('point the Service, PodDisruptionBudget and HorizontalPodAutoscaler at the api pods', () => {
    const deployment = find(objects, 'Deployment', 'nba-api');
    const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;
    const matches = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    const service = find(objects, 'Service', 'nba-api');
    expect(matches(service.spec.selector)).toBe(true);
    const portNames = deployment.spec.template.spec.containers.flatMap((c: { ports?: Array<{ name: string }> }) =>
      (c.ports ?? []).map((p) => p.name),
    );
    for (const p of service.spec.ports) expect(portNames).toContain(p.targetPort);
    const pdb = find(objects, 'PodDisruptionBudget', 'nba-api');
    expect(matches(pdb.spec.selector.matchLabels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'nba-api');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nba-api' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('schedule the pipeline daily, one run at a time, with a retry limit and a deadline', () => {
    const cron = find(objects, 'CronJob', 'nba-pipeline');
    const [minute, hour, dom, month, dow] = String(cron.spec.schedule).split(/\s+/);
    expect({ dom, month, dow }).toEqual({ dom: '*', month: '*', dow: '*' });
    expect(Number(minute)).toBeGreaterThanOrEqual(0);
    expect(Number(hour)).toBeGreaterThanOrEqual(0);
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    expect(cron.spec.jobTemplate.spec.backoffLimit).toBeGreaterThanOrEqual(1);
    expect(cron.spec.jobTemplate.spec.activeDeadlineSeconds).toBeGreaterThan(0);
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('run a real pipeline-runner command, with options that command defines', () => {
    const cron = find(objects, 'CronJob', 'nba-pipeline');
    const [container] = cron.spec.jobTemplate.spec.template.spec.containers;
    // The image's entrypoint is `node dist/main.js`, so args are the command line.
    expect(container.command).toBeUndefined();
    const [commandName, ...rest] = container.args as string[];
    const command = createProgram().commands.find((c) => c.name() === commandName);
    expect({ command: commandName, exists: command !== undefined }).toEqual({ command: commandName, exists: true });
    const known = new Set((command?.options ?? []).flatMap((o) => [o.long, o.short].filter(Boolean)));
    const given = rest.filter((a) => a.startsWith('-')).map((a) => a.split('=')[0]);
    for (const flag of given) expect({ flag, known: known.has(flag) }).toEqual({ flag, known: true });
  });

  it('migrate with the @nba/db command from the pipeline-runner image, before the api rolls out', () => {
    const job = find(objects, 'Job', 'nba-migrate');
    const [container] = job.spec.template.spec.containers;
    expect(imageTarget(container.image)).toBe('pipeline-runner');
    expect([...container.command, ...container.args]).toEqual([
      '/usr/bin/tini',
      '--',
      'node',
      'node_modules/@nba/db/dist/cli.js',
      'migrate',
    ]);
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
    expect(job.spec.backoffLimit).toBeGreaterThanOrEqual(1);
    expect(job.spec.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  it('alert on api down, 5xx rate, pipeline failures and no production model, with api metrics the api defines', () => {
    const rules = find(objects, 'PrometheusRule', 'nba-alerts');
    const alerts = rules.spec.groups.flatMap((g: { rules: Array<{ alert: string; expr: string }> }) => g.rules);
    expect(alerts.map((a: { alert: string }) => a.alert)).toEqual(
      expect.arrayContaining(['NbaApiDown', 'NbaApiHigh5xxRate', 'NbaPipelineFailed', 'NbaNoProductionModel']),
    );
    const metricsSource = readFileSync(path.join(APPS.api.dir, 'src', 'metrics.ts'), 'utf8');
    for (const a of alerts as Array<{ alert: string; expr: string }>) {
      const apiMetrics = [...a.expr.matchAll(/\b([a-z_]+)\{app_kubernetes_io_name="nba-api"/g)]
        .map((m) => m[1] as string)
        .filter((m) => m !== 'up');
      for (const m of apiMetrics)
        expect({ alert: a.alert, metric: m, defined: metricsSource.includes(`'${m}'`) }).toEqual({
          alert: a.alert,
          metric: m,
          defined: true,
        });
    }
  });
});

describe('production overlay', () => {
  const k = loadYamlFile(path.join(PRODUCTION, 'kustomization.yaml'))[0] as {
    images: Array<{ name: string; newName: string; newTag: string }>;
    namespace: string;
  };

  it('maps each image to a registry name ending in its Dockerfile target, with a pinned tag', () => {
    for (const image of k.images) {
      expect(dockerTargets.has(imageTarget(image.name))).toBe(true);
      expect(imageTarget(image.newName)).toBe(imageTarget(image.name));
      expect(image.newTag).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it('renders with the namespace and pinned images on every workload', () => {
    const objects = render(PRODUCTION);
    for (const o of objects.filter((x) => x.kind !== 'Namespace')) expect(o.metadata.namespace).toBe(k.namespace);
    for (const { container } of containersOf(objects))
      expect(container.image).toMatch(/^registry\.example\.com\/nba\/[a-z-]+:\d+\.\d+\.\d+$/);
  });
});

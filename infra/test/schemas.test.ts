/**
 * Every manifest, base and overlay, as it would be applied, against the Kubernetes OpenAPI schemas
 * (the `kubernetes-models` validators, generated from them; the Prometheus Operator's CRD schemas
 * for PrometheusRule). Overlays are rendered with kubectl where installed, else with the test's
 * own renderer (support/kustomize.ts), so they are checked on every machine.
 */
import path from 'node:path';
import { hasKubectl, kustomize, loadYamlFile, yamlFiles, type K8sObject } from './support/manifests';
import { renderKustomization } from './support/kustomize';
import { K8S_DIR, REPO_ROOT } from './support/paths';

const KUSTOMIZATIONS = ['base', 'overlays/production', 'outlook-backtest'];
const EXAMPLES = ['examples/secret.example.yaml'];

type Validatable = { validate(): void };
type ModelClass = new (data: unknown) => Validatable;

/** The validating model of an apiVersion/kind: core groups from kubernetes-models, CRDs from their packages. */
async function modelFor(apiVersion: string, kind: string): Promise<ModelClass> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const crdPackages: Record<string, string> = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };
  const modulePath =
    group && group.includes('.') && !group.endsWith('.k8s.io')
      ? `${crdPackages[group] ?? `no-schema-package-for-${group}`}/${group}/${version}/${kind}`
      : `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
  const mod = (await import(modulePath)) as Record<string, ModelClass>;
  const model = mod[kind];
  if (!model) throw new Error(`${modulePath} exports no ${kind}`);
  return model;
}

/** The schema's complaints about one object ([] when it conforms). */
async function schemaErrors(obj: K8sObject): Promise<string[]> {
  const Model = await modelFor(obj.apiVersion, obj.kind);
  try {
    new Model(obj).validate();
    return [];
  } catch (error) {
    return String((error as Error).message).split(/,\s+(?=data)/);
  }
}

const rendered = KUSTOMIZATIONS.map((k) => [k, renderKustomization(path.join(K8S_DIR, k))] as const);
const examples = EXAMPLES.flatMap((f) => loadYamlFile(path.join(K8S_DIR, f)) as K8sObject[]);

describe.each([...rendered, ['examples', examples] as const])('%s', (_name, objects) => {
  it.each(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o] as const))(
    '%s conforms to its OpenAPI schema',
    async (_id, obj) => {
      expect(await schemaErrors(obj)).toEqual([]);
    },
  );
});

describe('schema validation', () => {
  it('covers every manifest file: rendered through a kustomization, or an example', () => {
    const kustomizationFiles = (dir: string): string[] => {
      const k = loadYamlFile(path.join(dir, 'kustomization.yaml'))[0] as {
        resources?: string[];
        patches?: Array<{ path?: string }>;
      };
      return [
        path.join(dir, 'kustomization.yaml'),
        ...(k.patches ?? []).flatMap((p) => (p.path ? [path.join(dir, p.path)] : [])),
        ...(k.resources ?? []).flatMap((r) =>
          r.endsWith('.yaml') ? [path.join(dir, r)] : kustomizationFiles(path.join(dir, r)),
        ),
      ];
    };
    const covered = new Set([
      ...KUSTOMIZATIONS.flatMap((k) => kustomizationFiles(path.join(K8S_DIR, k))),
      ...EXAMPLES.map((f) => path.join(K8S_DIR, f)),
    ]);
    const uncovered = yamlFiles()
      .filter((f) => !covered.has(f))
      .map((f) => path.relative(REPO_ROOT, f));
    expect(uncovered).toEqual([]);
  });

  it('rejects what the API server would reject (a wrong type, a missing required field)', async () => {
    const deployment = rendered[0]?.[1].find((o) => o.kind === 'Deployment');
    if (!deployment) throw new Error('the first rendered overlay has no Deployment');
    const broken = structuredClone(deployment);
    broken.spec.replicas = 'two';
    delete broken.spec.selector;
    const errors = await schemaErrors(broken);
    expect(errors.join('\n')).toMatch(/replicas must be integer/);
    expect(errors.join('\n')).toMatch(/required property 'selector'|required property selector/);
  });

  (hasKubectl() ? it : it.skip)('renders exactly as kubectl kustomize does', () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, x]) => [k, sorted(x)]),
            )
          : v;
    const normal = (objects: K8sObject[]) => objects.map((o) => JSON.stringify(sorted(o))).sort();
    for (const k of KUSTOMIZATIONS)
      expect(normal(renderKustomization(path.join(K8S_DIR, k)))).toEqual(normal(kustomize(path.join(K8S_DIR, k))));
  });
});

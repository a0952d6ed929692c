import { statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { loadYamlFile, podSpecOf, type K8sObject, type Yaml } from './manifests';

/**
 * Renders a kustomization as `kubectl kustomize` does, for the fields this repository uses, so the
 * overlays are checked (and schema-validated) where kubectl is not installed. Any other field is an
 * error rather than silently ignored: a new kustomize feature must be taught here first.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const k = loadYamlFile(path.join(dir, 'kustomization.yaml'))[0] as Record<string, Yaml>;
  const known = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
  const unknown = Object.keys(k).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new Error(`${dir}/kustomization.yaml: fields this renderer does not support: ${unknown.join(', ')}`);
  if (k.kind !== 'Kustomization' || k.apiVersion !== 'kustomize.config.k8s.io/v1beta1')
    throw new Error(`${dir}/kustomization.yaml is not a kustomize.config.k8s.io/v1beta1 Kustomization`);

  let objects: K8sObject[] = (k.resources ?? []).flatMap((r: string) => {
    const full = path.join(dir, r);
    return statSync(full).isDirectory() ? renderKustomization(full) : (loadYamlFile(full) as K8sObject[]);
  });
  objects = structuredClone(objects);
  for (const p of k.patches ?? []) applyPatch(objects, dir, p);
  if (k.namespace) for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  for (const l of k.labels ?? []) applyLabels(objects, l);
  for (const image of k.images ?? []) applyImage(objects, image);
  return objects;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
]);

function applyLabels(
  objects: K8sObject[],
  l: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean },
): void {
  for (const o of objects) {
    o.metadata.labels = { ...o.metadata.labels, ...l.pairs };
    if (!l.includeSelectors && !l.includeTemplates) continue;
    const template = o.kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template : o.spec?.template;
    if (template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...l.pairs } };
    if (l.includeSelectors && o.spec?.selector) {
      if (o.kind === 'Service') o.spec.selector = { ...o.spec.selector, ...l.pairs };
      else o.spec.selector.matchLabels = { ...o.spec.selector.matchLabels, ...l.pairs };
    }
  }
}

function applyImage(
  objects: K8sObject[],
  image: { name: string; newName?: string; newTag?: string; digest?: string },
): void {
  for (const o of objects) {
    const pod = podSpecOf(o);
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])] as Array<{ image: string }>) {
      const [name, tag] = (c.image.split('@')[0] ?? c.image).split(/:(?=[^/]*$)/) as [string, string | undefined];
      if (name !== image.name) continue;
      const suffix = image.digest ? `@${image.digest}` : image.newTag ? `:${image.newTag}` : tag ? `:${tag}` : '';
      c.image = `${image.newName ?? name}${suffix}`;
    }
  }
}

function applyPatch(
  objects: K8sObject[],
  dir: string,
  p: { path?: string; patch?: string; target?: { kind?: string; name?: string } },
): void {
  if (p.path) {
    for (const patch of loadYamlFile(path.join(dir, p.path)) as K8sObject[]) {
      const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`patch ${p.path}: no ${patch.kind}/${patch.metadata.name} among the resources`);
      strategicMerge(target, patch);
    }
    return;
  }
  const { patch, target } = p;
  if (!patch || !target) throw new Error(`a patch needs a path, or a patch with a target: ${JSON.stringify(p)}`);
  const targets = objects.filter(
    (o) => (!target.kind || o.kind === target.kind) && (!target.name || o.metadata.name === target.name),
  );
  if (targets.length === 0) throw new Error(`patch target ${JSON.stringify(target)} matches no resource`);
  const ops = yaml.load(patch);
  if (!Array.isArray(ops)) throw new Error('inline patches must be JSON 6902 operation lists here');
  for (const t of targets) for (const op of ops) json6902(t, op);
}

/** Strategic merge as kustomize applies it to these manifests: maps merge, lists of named items merge by name, other lists are replaced. */
function strategicMerge(target: Record<string, Yaml>, patch: Record<string, Yaml>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) throw new Error(`strategic merge directive ${key} is not supported here`);
    const current = target[key];
    if (
      Array.isArray(value) &&
      Array.isArray(current) &&
      value.every((v) => v && typeof v === 'object' && 'name' in v)
    ) {
      for (const item of value) {
        const existing = current.find((c: { name?: string }) => c?.name === item.name);
        if (existing) strategicMerge(existing, item);
        else current.push(structuredClone(item));
      }
    } else if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
    ) {
      strategicMerge(current, value);
    } else {
      target[key] = structuredClone(value);
    }
  }
}

function json6902(target: Record<string, Yaml>, op: { op: string; path: string; value?: unknown }): void {
  const parts = op.path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop();
  if (last === undefined) throw new Error(`bad JSON patch path ${op.path}`);
  let parent: Yaml = target;
  for (const part of parts) {
    parent = parent?.[Array.isArray(parent) ? Number(part) : part];
    if (parent === undefined) throw new Error(`JSON patch path ${op.path} does not exist`);
  }
  const key = Array.isArray(parent) && last !== '-' ? Number(last) : last;
  if (op.op === 'replace') {
    if (!(key in parent)) throw new Error(`JSON patch replace: ${op.path} does not exist`);
    parent[key] = structuredClone(op.value);
  } else if (op.op === 'add') {
    if (Array.isArray(parent))
      parent.splice(key === '-' ? parent.length : (key as number), 0, structuredClone(op.value));
    else parent[key] = structuredClone(op.value);
  } else if (op.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    throw new Error(`JSON patch op ${op.op} is not supported here`);
  }
}

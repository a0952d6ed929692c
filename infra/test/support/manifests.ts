import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { K8S_DIR } from './paths';

/** Parsed YAML of any shape, read by path in the tests (the one `any` of these helpers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are checked by the tests, not by types
export type Yaml = any;

/** A Kubernetes object as parsed from YAML (only the parts the tests read are typed). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Yaml;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

/** Every `.yaml` file under `dir`, recursively, sorted. */
export function yamlFiles(dir = K8S_DIR): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    })
    .sort();
}

/** Parses every document of a YAML file (skipping empty ones). */
export function loadYamlFile(file: string): unknown[] {
  return yaml.loadAll(readFileSync(file, 'utf8')).filter((d) => d !== null && d !== undefined);
}

/** Whether `kubectl kustomize` can be run here. */
export function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Renders a kustomization with `kubectl kustomize` and parses the result. */
export function kustomize(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return yaml.loadAll(out).filter(Boolean) as K8sObject[];
}

/**
 * Without kubectl: the resources a base kustomization lists, as written (no transformers).
 * Enough for the checks on containers, env and probes, which the base holds.
 */
export function loadKustomizationResources(dir: string): K8sObject[] {
  const k = loadYamlFile(path.join(dir, 'kustomization.yaml'))[0] as { resources?: string[] };
  return (k.resources ?? []).flatMap((r) => {
    const full = path.join(dir, r);
    return statSync(full).isDirectory() ? loadKustomizationResources(full) : (loadYamlFile(full) as K8sObject[]);
  });
}

/** A container as the tests see it, with the object it belongs to. */
export interface ContainerRef {
  owner: K8sObject;
  container: {
    name: string;
    image: string;
    command?: string[];
    args?: string[];
    env?: Array<{
      name: string;
      value?: string;
      valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: unknown };
    }>;
    envFrom?: unknown[];
    [key: string]: Yaml;
  };
}

/** The pod spec of a workload (Deployment, Job, CronJob, ...), or undefined for other kinds (`Yaml` includes undefined). */
export function podSpecOf(obj: K8sObject): Yaml {
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(obj.kind)) return obj.spec?.template?.spec;
  return undefined;
}

/** Every container and init container of every workload. */
export function containersOf(objects: K8sObject[]): ContainerRef[] {
  return objects.flatMap((owner) => {
    const pod = podSpecOf(owner);
    if (!pod) return [];
    return [...(pod.initContainers ?? []), ...(pod.containers ?? [])].map((container: ContainerRef['container']) => ({
      owner,
      container,
    }));
  });
}

/** `registry.example.com/nba/api:1.2.3` -> `api` (the image's last path segment, no tag or digest). */
export function imageTarget(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const last = withoutDigest.split('/').pop() ?? withoutDigest;
  return last.split(':')[0] ?? last;
}

/** Finds one object by kind and name; throws when absent so tests fail with a clear message. */
export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found)
    throw new Error(`no ${kind} named ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

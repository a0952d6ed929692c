import path from 'node:path';
import { createProgram, PIPELINE_ENV_VARS } from '@nba/pipeline-runner';
import { containersOf, find, hasKubectl, imageTarget, kustomize, podSpecOf, type K8sObject } from './support/manifests';
import { renderKustomization } from './support/kustomize';
import { K8S_DIR } from './support/paths';

// The outlook backtest as a Kubernetes Indexed Job (one season per index) and its merge step:
// the commands and options exist, the indices cover the season range exactly, and every pod
// reads and writes the same shared volume where the merge finds the parts.
const DIR = path.join(K8S_DIR, 'outlook-backtest');
const objects: K8sObject[] = hasKubectl() ? kustomize(DIR) : renderKustomization(DIR);
const job = find(objects, 'Job', 'nba-outlook-backtest');
const merge = find(objects, 'Job', 'nba-outlook-backtest-merge');
const argsOf = (j: K8sObject): string[] => j.spec.template.spec.containers[0].args;
const option = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];

/** The options `pipeline <command>` defines. */
function knownOptions(command: string): Set<string> {
  const cmd = createProgram().commands.find((c) => c.name() === command);
  if (!cmd) throw new Error(`pipeline has no command ${command}`);
  return new Set(cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => Boolean(x))));
}

describe('outlook backtest Job', () => {
  it('is an Indexed Job with one index per season of its range, each given its index', () => {
    const args = argsOf(job);
    expect(job.spec.completionMode).toBe('Indexed');
    const seasons = Number(option(args, '--to-season')) - Number(option(args, '--from-season')) + 1;
    expect(job.spec.completions).toBe(seasons);
    expect(option(args, '--season-index')).toBe('$(JOB_COMPLETION_INDEX)');
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('runs outlook-backtest with options the command defines, in both Jobs', () => {
    for (const j of [job, merge]) {
      const [command, ...rest] = argsOf(j);
      expect(command).toBe('outlook-backtest');
      const known = knownOptions(command as string);
      for (const flag of rest.filter((a) => a.startsWith('--')))
        expect({ flag, known: known.has(flag) }).toEqual({ flag, known: true });
    }
    expect(argsOf(merge)).toContain('--merge');
  });

  it('writes the parts where the merge reads them: one shared claim, the same mount, --out = --merge', () => {
    const claim = find(objects, 'PersistentVolumeClaim', 'nba-outlook-backtest');
    expect(claim.spec.accessModes).toContain('ReadWriteMany');
    const mountOf = (j: K8sObject, file: string): string => {
      const pod = podSpecOf(j);
      const volume = pod.volumes.find(
        (v: { persistentVolumeClaim?: { claimName: string } }) =>
          v.persistentVolumeClaim?.claimName === claim.metadata.name,
      );
      const mount = pod.containers[0].volumeMounts.find((m: { name: string }) => m.name === volume.name);
      expect(file.startsWith(`${mount.mountPath}/`)).toBe(true);
      return mount.mountPath;
    };
    expect(option(argsOf(job), '--out')).toBe(option(argsOf(merge), '--merge'));
    expect(mountOf(job, option(argsOf(job), '--out') as string)).toBe(
      mountOf(merge, option(argsOf(merge), '--merge') as string),
    );
    mountOf(job, option(argsOf(job), '--games') as string);
    mountOf(job, option(argsOf(job), '--odds') as string);
  });

  it('runs non-root, read-only, from the pipeline-runner image, with only variables its env schema reads', () => {
    for (const { owner, container } of containersOf(objects)) {
      expect(imageTarget(container.image)).toBe('pipeline-runner');
      expect(podSpecOf(owner).securityContext).toMatchObject({ runAsNonRoot: true });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      const unknown = (container.env ?? [])
        .map((e) => e.name)
        .filter((n) => !PIPELINE_ENV_VARS.includes(n) && n !== 'NODE_OPTIONS');
      expect(unknown).toEqual([]);
    }
  });
});

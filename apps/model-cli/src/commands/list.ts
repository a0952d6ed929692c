import { Option, type Command } from 'commander';
import { MODEL_STATUSES, type ModelStatusName } from '@nba/registry';
import { modelName } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { table } from '@nba/cli';
import { headline, when } from '../format';

/** `list [--name N] [--status S]`: registered versions, by name and newest version first. */
export function addList(program: Command, deps: CliDeps): void {
  program
    .command('list')
    .description('list registered model versions')
    .option('--name <name>', 'only versions of this model', modelName)
    .addOption(new Option('--status <status>', 'only versions in this status').choices([...MODEL_STATUSES]))
    .option('--json', 'print JSON')
    .action(async (opts: { name?: string; status?: ModelStatusName; json?: boolean }) => {
      const versions = await withRegistry(deps, (r) => r.listVersions({ name: opts.name, status: opts.status }));
      if (opts.json) return sayJson(deps, versions);
      if (versions.length === 0) {
        const filter = [opts.name && `name '${opts.name}'`, opts.status && `status ${opts.status}`]
          .filter(Boolean)
          .join(' and ');
        return say(
          deps,
          filter
            ? `no model versions with ${filter}`
            : 'no models registered yet; register one with: nba-models register --name <name> --version 1.0.0 --artifact model.json',
        );
      }
      say(
        deps,
        table(
          ['NAME', 'VERSION', 'STATUS', 'REGISTERED', 'BY', 'METRICS'],
          versions.map((v) => [v.name, v.version, v.status, when(v.createdAt), v.createdBy, headline(v)]),
        ),
      );
    });
}

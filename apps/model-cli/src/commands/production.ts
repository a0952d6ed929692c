import type { Command } from 'commander';
import { RegistryError } from '@nba/registry';
import { CliError, table } from '@nba/cli';
import { modelName } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { describeVersion, headline, when } from '../format';

/** `production [--name N]`: the production version of one model, or of every model. Exit 1 when there is none. */
export function addProduction(program: Command, deps: CliDeps): void {
  program
    .command('production')
    .description('show the production version of a model (or of every model)')
    .option('--name <name>', 'model name', modelName)
    .option('--json', 'print JSON')
    .action(async (opts: { name?: string; json?: boolean }) => {
      if (opts.name !== undefined) {
        const name = opts.name;
        const v = await withRegistry(deps, (r) => r.getProductionVersion(name));
        if (!v) {
          throw new RegistryError(
            'NO_PRODUCTION',
            `no production model for '${name}'; promote one with: nba-models promote --name ${name} --version <version> (see the versions with: nba-models ` +
              `list --name ${name})`,
          );
        }
        return opts.json ? sayJson(deps, v) : say(deps, describeVersion(v));
      }
      const all = await withRegistry(deps, (r) => r.listVersions({ status: 'production' }));
      if (all.length === 0) {
        if (opts.json) sayJson(deps, []);
        throw new CliError(
          'FAILED',
          'no model is in production; promote one with: nba-models promote --name <name> --version <version> (see: nba-models list)',
        );
      }
      if (opts.json) return sayJson(deps, all);
      say(
        deps,
        table(
          ['NAME', 'VERSION', 'PROMOTED', 'METRICS'],
          all.map((v) => [v.name, v.version, when(v.promotedAt), headline(v)]),
        ),
      );
    });
}

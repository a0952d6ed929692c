import type { Command } from 'commander';
import { modelName, semver } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { describeVersion } from '../format';

/** `show --name N --version V`: everything recorded about one version. */
export function addShow(program: Command, deps: CliDeps): void {
  program
    .command('show')
    .description('show one model version: status, training range, features, params, metrics, artifacts')
    .requiredOption('--name <name>', 'model name', modelName)
    .requiredOption('--version <version>', 'model version', semver)
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; version: string; json?: boolean }) => {
      const v = await withRegistry(deps, (r) => r.getVersion(opts.name, opts.version));
      if (opts.json) return sayJson(deps, v);
      say(deps, describeVersion(v));
    });
}

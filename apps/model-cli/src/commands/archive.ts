import type { Command } from 'commander';
import { modelName, semver } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';

/** `archive --name N --version V [--reason R]`: retires a staging version. */
export function addArchive(program: Command, deps: CliDeps): void {
  program
    .command('archive')
    .description('archive a staging version (the production version is replaced by promote or rollback instead)')
    .requiredOption('--name <name>', 'model name', modelName)
    .requiredOption('--version <version>', 'model version', semver)
    .option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; version: string; reason?: string; json?: boolean }) => {
      const v = await withRegistry(deps, (r) => r.archiveVersion(opts.name, opts.version, { reason: opts.reason }));
      if (opts.json) return sayJson(deps, v);
      say(deps, `archived ${v.name} ${v.version}`);
    });
}

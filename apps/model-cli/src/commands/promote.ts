import type { Command } from 'commander';
import { RegistryError } from '@nba/registry';
import { CliError } from '@nba/cli';
import { confirm } from '../confirm';
import { modelName, semver } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { headline } from '../format';

/** `promote --name N --version V [--yes] [--reason R]`: shows the change, confirms on a terminal, promotes. */
export function addPromote(program: Command, deps: CliDeps): void {
  program
    .command('promote')
    .description('make a version the production one (the current production version is archived)')
    .requiredOption('--name <name>', 'model name', modelName)
    .requiredOption('--version <version>', 'version to promote', semver)
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; version: string; yes?: boolean; reason?: string; json?: boolean }) => {
      const result = await withRegistry(deps, async (r) => {
        const target = await r.getVersion(opts.name, opts.version);
        if (target.status === 'production') {
          throw new RegistryError(
            'INVALID_STATE',
            `model '${opts.name}' version ${opts.version} is already in production; nothing to do`,
          );
        }
        const current = await r.getProductionVersion(opts.name);
        // what the prompt showed is what happens: another promotion while asking is a CONFLICT, not a surprise
        let shown: { expectedProduction?: string | null } = {};
        if (!opts.yes) {
          // the registry refuses unverifiable artifacts when promoting; on a terminal, say so before asking
          if (deps.isTTY) await r.verifyVersion(opts.name, opts.version);
          const out = opts.json ? deps.stderr : deps.stdout;
          out.write(`Promote model '${opts.name}':\n`);
          out.write(`  ${target.version}  ${target.status} -> production   (${headline(target)})\n`);
          out.write(
            current
              ? `  ${current.version}  production -> archived   (${headline(current)})\n`
              : '  (no version is in production now)\n',
          );
          out.write(
            `  artifacts of ${target.version} verified: sha256, loaded by XGBoost, ${target.featureSpec.features.length} features\n`,
          );
          const yes = await confirm(
            deps,
            out,
            `Promote ${opts.name} ${opts.version} to production?`,
            `refusing to promote '${opts.name}' ${opts.version} without confirmation`,
          );
          if (!yes)
            throw new CliError(
              'ABORTED',
              `not promoted: nothing changed ('${opts.name}' production is still ${current?.version ?? 'none'})`,
            );
          shown = { expectedProduction: current?.version ?? null };
        }
        return r.promoteVersion(opts.name, opts.version, { reason: opts.reason, ...shown });
      });
      if (opts.json) return sayJson(deps, result);
      say(
        deps,
        `promoted ${opts.name} ${result.promoted.version} to production${result.archived ? `; archived ${result.archived.version}` : ''}`,
      );
    });
}

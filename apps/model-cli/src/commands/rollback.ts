import type { Command } from 'commander';
import { CliError } from '@nba/cli';
import { confirm } from '../confirm';
import { modelName } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';

/** `rollback --name N [--yes] [--reason R]`: restores the previous production version. */
export function addRollback(program: Command, deps: CliDeps): void {
  program
    .command('rollback')
    .description('restore the version that was in production before the current one (from the audit trail)')
    .requiredOption('--name <name>', 'model name', modelName)
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; yes?: boolean; reason?: string; json?: boolean }) => {
      const result = await withRegistry(deps, async (r) => {
        const plan = await r.planRollback(opts.name);
        // what the prompt showed is what happens: a promotion while asking is a CONFLICT, not another rollback
        let shown: { expectedPlan?: { from: string; to: string } } = {};
        if (!opts.yes) {
          // the registry refuses unverifiable artifacts when rolling back; on a terminal, say so before asking
          if (deps.isTTY) await r.verifyVersion(opts.name, plan.to.version);
          const out = opts.json ? deps.stderr : deps.stdout;
          out.write(`Roll back model '${opts.name}':\n`);
          out.write(`  ${plan.from.version}  production -> archived\n`);
          out.write(`  ${plan.to.version}  ${plan.to.status} -> production\n`);
          out.write(
            `  artifacts of ${plan.to.version} verified: sha256, loaded by XGBoost, ${plan.to.featureSpec.features.length} features\n`,
          );
          const yes = await confirm(
            deps,
            out,
            `Roll back ${opts.name} from ${plan.from.version} to ${plan.to.version}?`,
            `refusing to roll back '${opts.name}' without confirmation`,
          );
          if (!yes)
            throw new CliError(
              'ABORTED',
              `not rolled back: nothing changed ('${opts.name}' production is still ${plan.from.version})`,
            );
          shown = { expectedPlan: { from: plan.from.version, to: plan.to.version } };
        }
        return r.rollback(opts.name, { reason: opts.reason, ...shown });
      });
      if (opts.json) return sayJson(deps, result);
      say(
        deps,
        `rolled back ${opts.name}: ${result.promoted.version} is in production; archived ${result.archived.version}`,
      );
    });
}

import type { Command } from 'commander';
import { modelName } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { table } from '@nba/cli';
import { when } from '../format';

/** `history --name N`: the audit trail, oldest first. */
export function addHistory(program: Command, deps: CliDeps): void {
  program
    .command('history')
    .description('who registered, promoted, rolled back or archived which version, when and why')
    .requiredOption('--name <name>', 'model name', modelName)
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; json?: boolean }) => {
      const events = await withRegistry(deps, (r) => r.getHistory(opts.name));
      if (opts.json) return sayJson(deps, events);
      say(
        deps,
        table(
          ['WHEN', 'VERSION', 'ACTION', 'CHANGE', 'BY', 'REASON'],
          events.map((e) => [
            when(e.createdAt),
            e.version,
            e.action,
            `${e.fromStatus ?? 'new'} -> ${e.toStatus}`,
            e.actor,
            e.reason,
          ]),
        ),
      );
    });
}

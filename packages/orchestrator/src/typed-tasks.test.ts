import { InMemoryRunStore } from './memory-run-store';
import { Pipeline } from './pipeline';

// A pipeline with a result map: the compiler checks each task's name and return type, and each
// task reads its dependencies' results with their types (this file fails to compile otherwise).
interface Results {
  ingest: { games: number };
  train: { model: string; games: number };
  predict: string[];
}

describe('typed tasks', () => {
  it('hands a task the typed results of its declared dependencies, absent when skipped', async () => {
    const p = new Pipeline<{ skipTrain: boolean }, Results>({ name: 'typed' });
    p.addTask({ name: 'ingest', run: () => ({ games: 12 }) });
    p.addTask({
      name: 'train',
      dependencies: ['ingest'],
      skipIf: ({ context }) => context.skipTrain && '--skip-train',
      run: ({ results }) => ({ model: 'm1', games: results.ingest?.games ?? 0 }),
    });
    p.addTask({
      name: 'predict',
      dependencies: ['train'],
      run: ({ results }) => (results.train ? [`${results.train.model} on ${results.train.games}`] : ['no model']),
    });
    expect((await p.run({ skipTrain: false })).tasks.find((t) => t.name === 'predict')?.result).toEqual(['m1 on 12']);
    expect((await p.run({ skipTrain: true })).tasks.find((t) => t.name === 'predict')?.result).toEqual(['no model']);
  });

  it('lists recent runs newest first with their attempts (InMemoryRunStore)', async () => {
    const store = new InMemoryRunStore();
    const p = new Pipeline<{ n: number }, Results>({ name: 'typed', store });
    p.addTask({ name: 'ingest', run: ({ context }) => ({ games: context.n }) });
    const first = await p.run({ n: 1 });
    const second = await p.run({ n: 2 });
    const runs = await store.recentRuns(5);
    expect(runs.map((r) => r.id)).toEqual([second.runId, first.runId]);
    expect(runs[0]?.tasks.map((t) => [t.task, t.status, t.result])).toEqual([['ingest', 'succeeded', { games: 2 }]]);
    expect(await store.recentRuns(1)).toHaveLength(1);
  });
});

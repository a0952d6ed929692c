import { isJsonValue, toJson } from './json';
import { Pipeline } from './pipeline';

describe('JSON helpers', () => {
  it('isJsonValue accepts plain data only', () => {
    expect(isJsonValue({ a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(isJsonValue({ when: new Date() })).toBe(false);
    expect(isJsonValue({ n: Number.NaN })).toBe(false);
    expect(isJsonValue({ f: () => 1 })).toBe(false);
    expect(isJsonValue(undefined)).toBe(false);
  });

  it('toJson gives what JSON.stringify writes, and throws for what it cannot write', () => {
    expect(toJson(undefined)).toBeNull();
    expect(toJson({ d: new Date('2024-01-01T00:00:00Z'), u: undefined })).toEqual({ d: '2024-01-01T00:00:00.000Z' });
    expect(() => toJson({ big: 1n })).toThrow();
  });

  it('a run stores the context as args when it is plain JSON, else {} (or explicit args)', async () => {
    const p = new Pipeline<unknown>({ name: 'args' });
    p.addTask({ name: 't', run: () => 1n }); // a BigInt result cannot be stored: kept in memory, stored as null
    const plain = await p.run({ date: '2024-01-02' });
    const rich = await p.run({ client: new Map() });
    const explicit = await p.run({ client: new Map() }, { args: { date: 'x' } });
    expect(plain.results.t).toBe(1n);
    expect((await p.store.getRun(plain.runId))?.args).toEqual({ date: '2024-01-02' });
    expect((await p.store.getRun(rich.runId))?.args).toEqual({});
    expect((await p.store.getRun(explicit.runId))?.args).toEqual({ date: 'x' });
    expect((await p.store.getRun(plain.runId))?.tasks[0]?.result).toBeNull();
  });
});

import { validateGraph } from './graph';
import { OrchestratorError } from './orchestrator-error';

const node = (name: string, ...dependencies: string[]) => ({ name, dependencies });

function thrown(fn: () => unknown): OrchestratorError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OrchestratorError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('validateGraph', () => {
  it('orders dependencies first, keeping insertion order among independent tasks', () => {
    expect(
      validateGraph([node('predict', 'train', 'odds'), node('odds'), node('ingest'), node('train', 'ingest')]),
    ).toEqual(['odds', 'ingest', 'train', 'predict']);
  });

  it('names every unknown dependency', () => {
    const e = thrown(() => validateGraph([node('ingest'), node('train', 'ingets'), node('predict', 'train', 'model')]));
    expect(e.code).toBe('UNKNOWN_DEPENDENCY');
    expect(e.message).toBe(
      "task 'train' depends on unknown task 'ingets'; task 'predict' depends on unknown task 'model'",
    );
  });

  it('names the tasks of a cycle as a closed path', () => {
    const e = thrown(() => validateGraph([node('x'), node('a', 'b'), node('b', 'c'), node('c', 'a', 'x')]));
    expect(e.code).toBe('CYCLE');
    expect(e.message).toBe('dependency cycle: a -> b -> c -> a');
  });

  it('rejects a task depending on itself', () => {
    expect(thrown(() => validateGraph([node('a', 'a')])).message).toBe('dependency cycle: a -> a');
  });

  it('accepts a diamond', () => {
    expect(validateGraph([node('d', 'b', 'c'), node('b', 'a'), node('c', 'a'), node('a')])).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

import v8 from 'node:v8';
import vm from 'node:vm';
import { Booster } from './booster';
import { DMatrix } from './dmatrix';
import { finalizedCount } from './finalizer';
import { train } from './train';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function createAndForget(): void {
  for (let i = 0; i < 20; i++) {
    const d = DMatrix.fromRows(
      [
        [1, 2],
        [3, 4],
      ],
      { label: [0, 1] },
    );
    const b: Booster = train({ nthread: 1 }, d, { numRounds: 1 });
    b.predictRow([1, 2]); // also allocates the native row buffer
  }
}

test('forgotten DMatrix and Booster objects are freed by the finalizer', async () => {
  const before = finalizedCount();
  createAndForget();
  for (let i = 0; i < 20 && finalizedCount() - before < 40; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(finalizedCount() - before).toBeGreaterThanOrEqual(40);
});

test('disposed objects are not finalized again', async () => {
  const before = finalizedCount();
  (() => {
    for (let i = 0; i < 10; i++) DMatrix.fromRows([[1]]).dispose();
  })();
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(finalizedCount()).toBe(before);
});

import { FaultPlan, TRANSIENT_FAULTS } from './faults';

describe('FaultPlan', () => {
  it('serves queued faults first, then random ones at the set rate, reproducibly by seed', () => {
    const draw = (seed: number) => {
      const p = new FaultPlan();
      p.failNext(2, 'wrong-key');
      p.set({ rate: 0.2, seed });
      return Array.from({ length: 2000 }, () => p.draw());
    };
    const a = draw(5);
    expect(a.slice(0, 2)).toEqual(['wrong-key', 'wrong-key']);
    const random = a.slice(2).filter(Boolean);
    expect(random.length / 1998).toBeGreaterThan(0.17);
    expect(random.length / 1998).toBeLessThan(0.23);
    expect(new Set(random)).toEqual(new Set(TRANSIENT_FAULTS));
    expect(draw(5)).toEqual(a);
    expect(draw(6)).not.toEqual(a);
  });

  it('clears everything and rejects a bad rate', () => {
    const p = new FaultPlan();
    p.set({ rate: 1, kinds: ['server-error'] });
    p.failNext(3, 'slow');
    p.clear();
    expect(p.draw()).toBeUndefined();
    expect(() => p.set({ rate: 1.5 })).toThrow(/0..1/);
  });
});

import { addDays, datesBetween, daysBetween, easternDate, easternDateClock, isoDay } from './calendar';

describe('calendar', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-10', 0)).toBe('2024-03-10');
  });

  it('counts whole days between dates, the inverse of addDays', () => {
    expect(daysBetween('2023-10-24', '2024-03-12')).toBe(140);
    expect(daysBetween('2024-03-12', '2023-10-24')).toBe(-140);
    expect(addDays('2023-10-24', daysBetween('2023-10-24', '2024-11-03'))).toBe('2024-11-03');
  });

  it('lists the dates of a range, both ends included', () => {
    expect([...datesBetween('2024-02-27', '2024-03-01')]).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect([...datesBetween('2024-03-01', '2024-02-27')]).toEqual([]);
  });

  it('files a late tip-off under the Eastern date, across daylight saving', () => {
    expect(easternDate(new Date('2024-01-16T00:30:00Z'))).toBe('2024-01-15'); // 7:30 pm EST
    expect(easternDate(new Date('2024-04-16T03:30:00Z'))).toBe('2024-04-15'); // 11:30 pm EDT
    expect(easternDate(new Date('2024-04-16T04:30:00Z'))).toBe('2024-04-16');
  });

  it("a clock's Eastern date follows its clock across midnight, each clock with its own memory", () => {
    let instant = new Date('2024-01-16T04:59:30Z'); // 11:59:30 pm EST
    const today = easternDateClock(() => instant);
    expect(today()).toBe('2024-01-15');
    instant = new Date('2024-01-16T05:00:10Z');
    expect(today()).toBe('2024-01-16');
    expect(easternDateClock(() => new Date('2024-07-04T12:00:00Z'))()).toBe('2024-07-04');
    expect(today()).toBe('2024-01-16');
  });

  it('writes a stored DATE as YYYY-MM-DD', () => {
    expect(isoDay(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
  });
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { EventQueue } from '../../src/backend/cpu/event-queue.ts';

// The CPU event queue delivers a bucket in (time, sequence, minor) order however its events
// arrived: its own in sequence order, a threaded run's events of other partitions (pushAt) with
// fractional sequence numbers among them. Few new events are sorted by insertion, many by
// merge sort; both orders must be the same.

it('delivers every bucket in (time, sequence, minor) order, by insertion or merge sort', () => {
  const event = fc.record({
    time: fc.integer({ min: 0, max: 3 }),
    remote: fc.boolean(),
    gap: fc.integer({ min: 0, max: 40 }),
    minor: fc.integer({ min: 0, max: 5 }),
  });
  fc.assert(
    fc.property(fc.array(event, { maxLength: 120 }), (events) => {
      const queue = new EventQueue(4);
      const expected: Array<[number, number, number, number]> = [];
      events.forEach((e, id) => {
        const time = 1 + e.time * 0.01;
        if (e.remote) {
          queue.pushAt(1, 0, id, 0, time, 0, e.gap - 0.5, e.minor * 1000 + id);
          expected.push([time, e.gap - 0.5, e.minor * 1000 + id, id]);
        } else {
          const seq = queue.push(1, 0, id, 0, time);
          expected.push([time, seq, 0, id]);
        }
      });
      expected.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      queue.close();
      queue.open(1);
      const got: number[] = [];
      queue.deliverUntil(
        2,
        (_g, instance) => got.push(instance),
        new Float64Array(0),
        0,
        () => undefined,
      );
      expect(got).toEqual(expected.map((e) => e[3]));
    }),
    { numRuns: 300 },
  );
});

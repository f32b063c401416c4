import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { create } from '../../src/index.ts';
import { readFixture } from '../helpers/fixtures.ts';

// examples/tut2.json spells out only what differs from NetPyNE's defaults; it must still build
// NetPyNE's tutorial-2 network exactly.
it('examples/tut2.json builds the tutorial-2 fixture network', () => {
  const net = create(readFileSync(new URL('../../examples/tut2.json', import.meta.url), 'utf8'));
  const fixture = readFixture('netpyne/tut2.net.json');
  const key = (c: any) => [c.preGid, c.sec, c.loc, c.synMech, c.weight, c.delay];
  fixture.cells.forEach((want: any, i: number) => {
    expect(net.cells[i].gid).toBe(want.gid);
    expect(net.cells[i].tags.x).toBe(want.x);
    expect(net.cells[i].conns.map(key)).toEqual(want.conns.map(key));
  });
});

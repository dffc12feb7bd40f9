import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProgressLine } from './progress.js';

function terminal() {
  const written: string[] = [];
  return { written, out: { isTTY: true, columns: 60, write: (text: string) => written.push(text) > 0 } };
}

describe('ProgressLine', () => {
  it('redraws one line in place, at most every 100 ms, always for the last list, and wipes it when done', () => {
    const { written, out } = terminal();
    const line = new ProgressLine(out as never, true);
    line.update('prod', { listsDone: 1, listsTotal: 40, objects: 500 });
    line.update('prod', { listsDone: 2, listsTotal: 40, objects: 900 });
    line.update('prod', { listsDone: 40, listsTotal: 40, objects: 10_000 });
    assert.equal(written.length, 2, 'the second update came too soon; the last always shows');
    assert.equal(written[0], `\r${'reading prod: 1/40 resource types, 500 objects'.padEnd(59)}`);
    assert.match(written[1]!, /^\rreading prod: 40\/40 resource types, 10000 objects/);
    line.clear();
    assert.equal(written[2], `\r${' '.repeat(59)}\r`);
  });

  it('writes nothing when standard error is not a terminal', () => {
    const { written, out } = terminal();
    const line = new ProgressLine({ ...out, isTTY: false } as never);
    line.update('prod', { listsDone: 40, listsTotal: 40, objects: 1 });
    line.clear();
    assert.deepEqual(written, []);
  });
});

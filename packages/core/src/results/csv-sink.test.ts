import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvSink } from './csv-sink.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nss-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CsvSink', () => {
  it('writes the header and rows with ; and \\n, exact bytes', () => {
    const path = join(dir, 'a.csv');
    const sink = new CsvSink(path, ['Event', 'Time']);
    sink.writeLine('PACKET_CREATED;1.00');
    sink.writeRow(['PACKET_PROCESSED', '2.50']);
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('Event;Time\nPACKET_CREATED;1.00\nPACKET_PROCESSED;2.50\n');
    expect(sink.rows).toBe(2);
  });

  it('keeps rows in memory until the buffer threshold, then flushes them', () => {
    const path = join(dir, 'b.csv');
    const sink = new CsvSink(path, ['X'], { bufferSize: 64 });
    expect(statSync(path).size).toBe(0); // header buffered
    sink.writeLine('0123456789'); // 2 + 11 chars buffered < 64
    expect(statSync(path).size).toBe(0);
    for (let i = 0; i < 5; i++) sink.writeLine('0123456789'); // crosses 64 → flushed
    const flushed = statSync(path).size;
    expect(flushed).toBe(2 + 6 * 11);
    sink.writeLine('tail');
    expect(statSync(path).size).toBe(flushed); // below the threshold again: still buffered
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('X\n' + '0123456789\n'.repeat(6) + 'tail\n');
  });

  it('writes multi-byte UTF-8 correctly across flushes', () => {
    const path = join(dir, 'c.csv');
    const sink = new CsvSink(path, ['Reason'], { bufferSize: 8 });
    const rows = ['état', 'Δ délai', '日本語', 'ok'];
    for (const r of rows) sink.writeLine(r);
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('Reason\n' + rows.map((r) => r + '\n').join(''));
  });

  it('quotes minimally when asked, header included', () => {
    const path = join(dir, 'd.csv');
    const sink = new CsvSink(path, ['Name', 'Loss;Rate'], { quoting: 'minimal' });
    sink.writeRow(['a', "['x', 'y']"]);
    sink.writeRow(['b;c', 'say "hi"']);
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'Name;"Loss;Rate"\n' + "a;['x', 'y']\n" + '"b;c";"say ""hi"""\n',
    );
  });

  it('never quotes with quoting none', () => {
    const path = join(dir, 'e.csv');
    const sink = new CsvSink(path, ['A']);
    sink.writeRow(['x;"y"']);
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('A\nx;"y"\n');
  });

  it('close() is idempotent, and writing afterwards throws', () => {
    const path = join(dir, 'f.csv');
    const sink = new CsvSink(path, ['A']);
    sink.close();
    sink.close();
    expect(sink.closed).toBe(true);
    expect(() => sink.writeLine('x')).toThrow(/after close/);
    expect(readFileSync(path, 'utf8')).toBe('A\n');
  });

  it('creates missing parent folders', () => {
    const path = join(dir, 'Round_0', 'deep', 'g.csv');
    new CsvSink(path, ['A']).close();
    expect(existsSync(path)).toBe(true);
  });
});

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

  it('keeps rows in memory until the buffer is full, then flushes whole rows', () => {
    const path = join(dir, 'b.csv');
    const sink = new CsvSink(path, ['X'], { bufferSize: 64 });
    expect(statSync(path).size).toBe(0); // header buffered
    sink.writeLine('0123456789'); // 2 + 11 bytes buffered, far below 64
    expect(statSync(path).size).toBe(0);
    for (let i = 0; i < 5; i++) sink.writeLine('0123456789'); // the buffer fills up → flushed
    const flushed = statSync(path).size;
    expect(flushed).toBeGreaterThan(0);
    expect(flushed).toBeLessThanOrEqual(64);
    expect((flushed - 2) % 11).toBe(0); // only whole rows reach the file
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('X\n' + '0123456789\n'.repeat(6));
  });

  it('writes a row longer than the buffer in one piece', () => {
    const path = join(dir, 'long.csv');
    const sink = new CsvSink(path, ['X'], { bufferSize: 64 });
    const long = 'y'.repeat(500);
    sink.writeLine('a');
    sink.writeLine(long);
    sink.writeLine('b');
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe(`X\na\n${long}\nb\n`);
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

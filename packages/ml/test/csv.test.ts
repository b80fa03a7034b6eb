import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFormatError, CsvWriter, parseCsvTable, readCsvTable, TRAFFIC_COLUMNS } from '@nss/ml';

const dir = mkdtempSync(join(tmpdir(), 'nss-ml-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvError(text: string, options = {}): CsvFormatError {
  try {
    parseCsvTable(text, options, 'x.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(CsvFormatError);
    return e as CsvFormatError;
  }
  throw new Error('no error');
}

describe('CSV reader', () => {
  it('reads numeric and text columns of the traffic schema', () => {
    const t = parseCsvTable('timestamp,rx_packets,tx_packets,packet_drops,latency,label\n10,5,6,0,0.5,normal_day\n11,7,8,1,0.25,normal_night\n');
    expect(t.rowCount).toBe(2);
    expect(Array.from(t.numeric('rx_packets'))).toEqual([5, 7]);
    expect(Array.from(t.numeric('latency'))).toEqual([0.5, 0.25]);
    expect(t.text('label')).toEqual(['normal_day', 'normal_night']);
    expect(t.isNumeric('label')).toBe(false);
  });

  it('detects the simulator separator and reads quoted fields with separators, quotes and line breaks', () => {
    const t = parseCsvTable('time;name;value\r\n1;"a;b";2\r\n2;"say ""hi""\nthere";3\r\n');
    expect(t.text('name')).toEqual(['a;b', 'say "hi"\nthere']);
    expect(Array.from(t.numeric('value'))).toEqual([2, 3]);
  });

  it('reports a row with the wrong number of fields at its line and first missing column', () => {
    const e = csvError('a,b,c\n1,2,3\n4,5\n');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.message).toMatch(/^x\.csv:3:3: expected 3 fields/);
  });

  it('reports a non-numeric value at its line and column', () => {
    const e = csvError('a,b\n1,2\n\n3,x7\n');
    expect([e.line, e.column]).toEqual([4, 2]);
    expect(e.message).toContain('"x7" is not a number (column "b")');
  });

  it('reports missing required columns naming what the header has', () => {
    const e = csvError('timestamp,rx_packets\n1,2\n', { requiredColumns: [...TRAFFIC_COLUMNS] });
    expect(e.line).toBe(1);
    expect(e.message).toContain('"tx_packets", "packet_drops", "latency", "label"');
    expect(e.message).toContain('header has: timestamp, rx_packets');
  });

  it('reports a timestamp that does not increase at its line and column', () => {
    const e = csvError('x,timestamp\n0,100\n0,101\n0,101\n', { monotonicColumn: 'timestamp' });
    expect([e.line, e.column]).toEqual([4, 2]);
    expect(e.message).toContain('does not increase');
  });

  it('reports an unclosed quote and an empty numeric field', () => {
    expect(csvError('a,b\n1,"2\n').line).toBe(2);
    const e = csvError('a,b\n1,2\n3,\n');
    expect([e.line, e.column]).toEqual([3, 2]);
    expect(parseCsvTable('a,b\n1,2\n3,\n', { allowEmpty: true }).numeric('b')[1]).toBeNaN();
  });

  it('writes atomically and reads back what it wrote, from a file larger than one read chunk', () => {
    const file = join(dir, 'big.csv');
    const w = new CsvWriter(file, ['i', 'name', 'v']);
    for (let i = 0; i < 60_000; i++) w.writeRow([i, i % 7 === 0 ? 'a,"b"' : 'c', i / 4]);
    w.close();
    expect(readFileSync(file, 'utf8').split('\n')[8]).toBe('7,"a,""b""",1.75');
    const t = readCsvTable(file, { monotonicColumn: 'i' });
    expect(t.rowCount).toBe(60_000);
    expect(t.numeric('v')[59_999]).toBe(59_999 / 4);
    expect(t.text('name')[7]).toBe('a,"b"');
  });

  it('aborting leaves an existing file untouched', () => {
    const file = join(dir, 'keep.csv');
    writeFileSync(file, 'old\n');
    const w = new CsvWriter(file, ['a']);
    w.writeRow([1]);
    w.abort();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });

  it('says which file cannot be opened', () => {
    expect(() => readCsvTable(join(dir, 'nope.csv'))).toThrow(/nope\.csv: cannot open/);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { InputFileError } from '../errors.js';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.js';
import { parseJsonText, readJsonFile } from './read-json.js';

const dir = mkdtempSync(join(tmpdir(), 'nss-read-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(action: () => unknown): InputFileError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    return error as InputFileError;
  }
  throw new Error('expected an InputFileError');
}

describe('readJsonFile', () => {
  it('parses a file, ignoring a UTF-8 byte-order mark', () => {
    expect(readJsonFile(write('ok.json', '\uFEFF{"a": [1, 2]}'))).toEqual({ a: [1, 2] });
  });

  it("gives line and column of a syntax error V8 reports without a position", () => {
    const path = write('bad.json', '{\n  "simulation": {\n    "total_time": ,\n  }\n}\n');
    const error = errorOf(() => readJsonFile(path));
    expect(error.code).toBe('NSS_INPUT_FILE');
    expect([error.line, error.column]).toEqual([3, 19]);
    expect(error.message).toBe(`${path}:3:19: invalid JSON: expected a value (object, list, string, number, true, false or null), found ","`);
  });

  it('reports a trailing comma at the closing brace', () => {
    const error = errorOf(() => parseJsonText('{"a": 1,\r\n}', 'x.json'));
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.message).toContain('trailing comma');
  });

  it('reports an unterminated string at its opening quote and an empty file at 1:1', () => {
    const unterminated = errorOf(() => parseJsonText('[1,\n "abc', 'x.json'));
    expect([unterminated.line, unterminated.column]).toEqual([2, 2]);
    const empty = errorOf(() => parseJsonText('', 'empty.json'));
    expect([empty.line, empty.column]).toEqual([1, 1]);
    expect(empty.message).toContain('found the end of the file');
  });

  it('says a file is missing or is a directory', () => {
    const missing = errorOf(() => readJsonFile(join(dir, 'nope.json')));
    expect(missing.message).toBe(`${join(dir, 'nope.json')}: file not found (check the path)`);
    expect(missing.line).toBeUndefined();
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(errorOf(() => readJsonFile(folder)).message).toContain('is a directory');
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts everything JSON.parse accepts', () => {
    for (const text of ['0', '-1.5e+3', '"a\\u00e9\\n"', ' [ ] ', '{"a":{"b":[true,false,null]}}', '{"":""}']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it("finds the offset V8 reports when V8 reports one", () => {
    for (const text of ['{"a":1,}', '{"a" 1}', '[1 2]', '{"a":1', '{} x', '{"a": 01}', '{"a":"x\ny"}', "{'a': 1}", '[1,]', '{"a": 1 // c\n}']) {
      let v8: number | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        const m = /at position (\d+)/.exec((error as Error).message);
        v8 = m === null ? undefined : Number(m[1]);
      }
      const ours = findJsonSyntaxError(text);
      expect(ours, text).toBeDefined();
      if (v8 !== undefined) expect(ours!.offset, text).toBe(v8);
    }
  });

  it('computes 1-based line and column', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

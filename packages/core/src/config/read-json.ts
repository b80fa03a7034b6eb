/**
 * Reading a JSON input file with errors a user can act on: a missing or unreadable file names the file
 * and the cause; a syntax error gives line and column.
 */
import { readFileSync } from 'node:fs';
import { InputFileError } from '../errors.js';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.js';

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (check the path)';
    case 'EISDIR':
      return 'is a directory, expected a JSON file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the file cannot be read)';
    default:
      return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Position and message of a JSON.parse failure, from V8's message when it has one ("at position N"). */
function v8Problem(text: string, error: unknown): { message: string; offset?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return { message, offset: Number(position[1]) };
  if (/end of JSON input/i.test(message)) return { message, offset: text.length };
  return { message };
}

/**
 * Parses `text` as the JSON content of `file`; throws {@link InputFileError} with the 1-based line and
 * column of the first syntax error.
 */
export function parseJsonText(text: string, file: string): unknown {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    // Our scanner locates every syntax error; V8's message is the fallback should they ever disagree.
    const located = findJsonSyntaxError(content);
    const problem = located ?? v8Problem(content, error);
    if (problem.offset === undefined) throw new InputFileError(file, `invalid JSON: ${problem.message}`, { cause: error });
    const { line, column } = lineAndColumn(content, problem.offset);
    throw new InputFileError(file, `invalid JSON: ${problem.message}`, { line, column, cause: error });
  }
}

/**
 * Reads and parses a JSON file. Throws {@link InputFileError}: "file not found", "is a directory",
 * "permission denied", or "invalid JSON: …" with the line and column of the first syntax error.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(path, readProblem(error), { cause: error });
  }
  return parseJsonText(text, path);
}

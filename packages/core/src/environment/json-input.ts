import { parseJsonText } from '../config/index.js';

/**
 * Parses `input` when it is JSON text (an already-parsed value is returned as is). Unparsable text
 * throws an InputFileError naming the file, with the line and column of the first syntax error.
 * @internal
 */
export function parseJsonInput(input: unknown, file: string): unknown {
  return typeof input === 'string' ? parseJsonText(input, file) : input;
}

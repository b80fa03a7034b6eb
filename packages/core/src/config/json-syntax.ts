/**
 * Locates the first syntax error of a JSON text. V8's `JSON.parse` messages give a position only for
 * some errors ("Unexpected token '}', ... is not valid JSON" has none), so this small scanner finds the
 * offset itself and says what was expected there.
 */

/** A syntax error: 0-based offset into the text, and what is wrong there. */
export interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

/** 1-based line and column of a 0-based offset (lines end at `\n`; a `\r` before it belongs to the line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Failure {
  constructor(readonly problem: JsonSyntaxProblem) {}
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  private fail(message: string, offset = this.pos): never {
    throw new Failure({ offset, message });
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const ch = this.text[this.pos];
    if (ch === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) return 'a comment (JSON has none)';
    if (ch === "'") return "a single quote (JSON strings use double quotes)";
    return `${JSON.stringify(ch)}`;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  document(): void {
    this.skipWhitespace();
    this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`expected the end of the file after the JSON value, found ${this.describeHere()}`);
  }

  private value(): void {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.fail(`expected a value (object, list, string, number, true, false or null), found ${this.describeHere()}`);
  }

  private object(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        const trailing = this.text[this.pos] === '}' ? ' (a trailing comma is not allowed)' : '';
        this.fail(`expected a double-quoted key${trailing}, found ${this.describeHere()}`);
      }
      this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the key, found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos++;
        return;
      }
      if (next !== ',') this.fail(`expected ',' or '}' after a value in an object, found ${this.describeHere()}`);
      this.pos++;
    }
  }

  private array(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('expected a value (a trailing comma is not allowed), found "]"');
      this.value();
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos++;
        return;
      }
      if (next !== ',') this.fail(`expected ',' or ']' after a list item, found ${this.describeHere()}`);
      this.pos++;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const code = this.text.charCodeAt(this.pos);
      if (code === 34) {
        this.pos++;
        return;
      }
      if (code < 0x20) this.fail('a control character (e.g. a line break) inside a string; write it as an escape such as \\n');
      if (code === 92) {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('expected 4 hex digits after \\u');
          this.pos += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          this.pos += 2;
        } else {
          this.fail(`invalid escape sequence \\${escape ?? ''} in a string`);
        }
        continue;
      }
      this.pos++;
    }
    this.fail('unterminated string (missing closing double quote)', start);
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail(`expected a number, found ${this.describeHere()}`);
    const after = this.text[this.pos + match[0].length];
    if (after !== undefined && /[0-9.eE]/.test(after)) {
      this.fail('malformed number (JSON allows no leading zeros, and needs digits around "." and after "e")', this.pos + match[0].length);
    }
    this.pos += match[0].length;
  }
}

/** The first syntax error of `text`, or `undefined` when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof Failure) return error.problem;
    throw error;
  }
}

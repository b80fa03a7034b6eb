import { readFileSync } from 'node:fs';
import { InputFileError } from '../errors.js';

/**
 * A packet-flow CSV (model-spec §5.2.2): `;`-separated, header `user;sfc;time;packet_size`, one row per
 * packet; `time` is relative to the previous packet of the same (user, sfc) pair (the first one to the
 * placement time); fractional times are accepted.
 */
export class FlowTable {
  private readonly rows = new Map<string, Float64Array>();

  private constructor(rows: Map<string, number[]>) {
    for (const [k, v] of rows) this.rows.set(k, Float64Array.from(v));
  }

  /** Interleaved (time, size) pairs of a (user, SFC) key, or null when the file has none. */
  rowsFor(user: string, sfc: string): Float64Array | null {
    return this.rows.get(`${user}\u0000${sfc}`) ?? null;
  }

  /** Number of (user, SFC) keys. */
  get keys(): number {
    return this.rows.size;
  }

  /**
   * Parses a flow file. Every bad row is an {@link InputFileError} with its line and column; users and
   * SFC types that do not exist in the environment are errors too (`knownUsers`/`knownSfcs`).
   */
  static parse(text: string, file: string, knownUsers?: ReadonlySet<string>, knownSfcs?: ReadonlySet<string>): FlowTable {
    const lines = text.split(/\r?\n/);
    const header = (lines[0] ?? '').split(';').map((h) => h.trim());
    const expected = ['user', 'sfc', 'time', 'packet_size'];
    const col = expected.map((h) => header.indexOf(h));
    const missing = expected.filter((_, i) => col[i] < 0);
    if (missing.length > 0) {
      throw new InputFileError(
        file,
        `header must name the columns user;sfc;time;packet_size (separated by ';'); missing ${missing.join(', ')}; found "${lines[0] ?? ''}"`,
        { line: 1 },
      );
    }
    const grouped = new Map<string, number[]>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === '') continue;
      const f = line.split(';');
      const lineNo = i + 1;
      const user = (f[col[0]] ?? '').trim();
      const sfc = (f[col[1]] ?? '').trim();
      if (user === '') throw new InputFileError(file, 'empty user', { line: lineNo, column: col[0] + 1 });
      if (sfc === '') throw new InputFileError(file, 'empty sfc', { line: lineNo, column: col[1] + 1 });
      if (knownUsers && !knownUsers.has(user)) {
        throw new InputFileError(file, `unknown user "${user}" (the environment has u_0 … u_${knownUsers.size - 1})`, {
          line: lineNo,
          column: col[0] + 1,
        });
      }
      if (knownSfcs && !knownSfcs.has(sfc)) {
        throw new InputFileError(file, `unknown SFC type "${sfc}"`, { line: lineNo, column: col[1] + 1 });
      }
      const time = Number((f[col[2]] ?? '').trim());
      if (!Number.isFinite(time) || time < 0 || (f[col[2]] ?? '').trim() === '') {
        throw new InputFileError(file, `time must be a number ≥ 0 (ms after the previous packet), found "${f[col[2]] ?? ''}"`, {
          line: lineNo,
          column: col[2] + 1,
        });
      }
      const size = Number((f[col[3]] ?? '').trim());
      if (!Number.isFinite(size) || size < 0 || (f[col[3]] ?? '').trim() === '') {
        throw new InputFileError(file, `packet_size must be a number ≥ 0, found "${f[col[3]] ?? ''}"`, {
          line: lineNo,
          column: col[3] + 1,
        });
      }
      const key = `${user}\u0000${sfc}`;
      let list = grouped.get(key);
      if (!list) grouped.set(key, (list = []));
      list.push(time, size);
    }
    return new FlowTable(grouped);
  }

  /** Reads and parses a flow file from disk. */
  static read(path: string, knownUsers?: ReadonlySet<string>, knownSfcs?: ReadonlySet<string>): FlowTable {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new InputFileError(path, `cannot read the packet-flow file (${(e as Error).message})`, { cause: e });
    }
    return FlowTable.parse(text, path, knownUsers, knownSfcs);
  }
}

import type { PortStats } from './port-stats.js';
import { StatsParseError } from './errors.js';

// CSI sequences (`ESC [ ... letter`, e.g. the clear-screen `ESC[2J ESC[1;1H` of --stats-period),
// two-character escapes, and carriage returns from the command-line echo.
// eslint-disable-next-line no-control-regex
const TERMINAL_CODES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\r/g;

/** Removes terminal escape sequences and carriage returns from testpmd output. */
export function stripTerminalCodes(text: string): string {
  return text.replace(TERMINAL_CODES, '');
}

const HEADER = /#+\s*NIC statistics for port (\d+)\s*#+/;
const FOOTER = /^\s*#{20,}\s*$/;

/** Field label in testpmd's block -> key of {@link PortStats}. */
const FIELDS: Readonly<Record<string, keyof PortStats>> = {
  'RX-packets': 'rxPackets',
  'RX-missed': 'rxMissed',
  'RX-bytes': 'rxBytes',
  'RX-errors': 'rxErrors',
  'RX-nombuf': 'rxNoMbuf',
  'TX-packets': 'txPackets',
  'TX-errors': 'txErrors',
  'TX-bytes': 'txBytes',
  'Rx-pps': 'rxPps',
  'Rx-bps': 'rxBps',
  'Tx-pps': 'txPps',
  'Tx-bps': 'txBps',
};
const REQUIRED = Object.values(FIELDS);
const FIELD = /([RT]x-[a-z]+|[RT]X-[a-z]+):\s*(\d+)/g;

/** Result of {@link parsePortStats}: the complete blocks, and the unfinished tail if any. */
export interface ParsedStats {
  /** Every complete `NIC statistics` block, in the order printed. */
  blocks: PortStats[];
  /**
   * Text from the start of an unfinished block to the end of the input (terminal codes removed), or
   * `''`. In a stream, keep it and prepend it to the next chunk; at the end of a stream it is a
   * truncated block.
   */
  rest: string;
}

function parseBlock(body: string, port: number, raw: string): PortStats {
  const stats: Partial<PortStats> = { port };
  for (const match of body.matchAll(FIELD)) {
    const key = FIELDS[match[1] as string];
    if (key !== undefined) stats[key] = Number(match[2]);
  }
  const missing = REQUIRED.filter((k) => stats[k] === undefined);
  if (missing.length > 0) {
    throw new StatsParseError(
      `NIC statistics block for port ${port} lacks ${missing.join(', ')}: the block is truncated or ` +
        'comes from an unsupported testpmd version (expected the DPDK 20.11-23.x layout).',
      raw,
    );
  }
  return stats as PortStats;
}

/**
 * Parses every `NIC statistics for port N` block in testpmd output, in either format: the answer to
 * `show port stats all` in interactive mode, or the periodic `Port statistics ====` screens of
 * `--stats-period` (with their clear-screen escape codes). Text outside the blocks (prompts, command
 * echo, forwarding reports) is ignored.
 *
 * A block whose header and footer are both present but which lacks a field throws
 * {@link StatsParseError}. A block without its footer is returned in `rest` (not an error: the next
 * chunk may complete it); use {@link parsePortStatsStrict} for text that should be complete.
 */
export function parsePortStats(text: string): ParsedStats {
  const clean = stripTerminalCodes(text);
  const lines = clean.split('\n');
  const blocks: PortStats[] = [];
  let open: { port: number; start: number; offset: number } | undefined;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = HEADER.exec(line);
    if (header !== null) {
      if (open !== undefined) {
        const raw = lines.slice(open.start, i).join('\n');
        throw new StatsParseError(
          `NIC statistics block for port ${open.port} is truncated: a new block for port ${header[1]} ` +
            'starts before its closing #### line (testpmd output was interleaved or cut).',
          raw,
        );
      }
      open = { port: Number(header[1]), start: i, offset };
    } else if (open !== undefined && FOOTER.test(line)) {
      const raw = lines.slice(open.start, i + 1).join('\n');
      blocks.push(parseBlock(lines.slice(open.start + 1, i).join('\n'), open.port, raw));
      open = undefined;
    }
    offset += line.length + 1;
  }
  return { blocks, rest: open === undefined ? '' : clean.slice(open.offset) };
}

/**
 * Like {@link parsePortStats} but for text that must be complete (e.g. one command's answer): an
 * unfinished block throws {@link StatsParseError}.
 */
export function parsePortStatsStrict(text: string): PortStats[] {
  const { blocks, rest } = parsePortStats(text);
  if (rest !== '') {
    const port = HEADER.exec(rest)?.[1] ?? '?';
    throw new StatsParseError(
      `NIC statistics block for port ${port} is truncated: its closing #### line never came ` +
        '(testpmd stopped or was killed while printing it).',
      rest,
    );
  }
  return blocks;
}

/**
 * Incremental parser for a stream of testpmd output (e.g. its stdout under `--stats-period`): feed
 * chunks as they arrive, get back the blocks they complete.
 */
export class PortStatsStream {
  private pending = '';

  /** Adds a chunk of output; returns the blocks completed by it. */
  push(chunk: string): PortStats[] {
    // Keep only a block in progress (or a possible header cut mid-line) between chunks.
    const { blocks, rest } = parsePortStats(this.pending + chunk);
    if (rest !== '') this.pending = rest;
    else {
      const text = this.pending + chunk;
      const lastNewline = text.lastIndexOf('\n');
      this.pending = lastNewline < 0 ? text : text.slice(lastNewline + 1);
    }
    return blocks;
  }

  /**
   * Ends the stream. Throws {@link StatsParseError} if a block was left unfinished (the output was
   * cut while printing it).
   */
  end(): void {
    const text = this.pending;
    this.pending = '';
    parsePortStatsStrict(text);
  }
}

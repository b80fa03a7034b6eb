import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { findExecutable } from './find-executable.js';
import { TelemetryError, TestpmdExitedError, TestpmdNotInstalledError } from './errors.js';
import type { PortStats } from './port-stats.js';
import type { StatsSource } from './testpmd.js';

/** Options of {@link TelemetryReader.open}. */
export interface TelemetryReaderOptions {
  /** The DPDK application's `--file-prefix`. Default `rte` (DPDK's default). */
  filePrefix?: string;
  /** Telemetry instance number (`-i`), for several processes under one prefix. */
  instance?: number;
  /** Script name or path. Default `dpdk-telemetry.py`. */
  executable?: string;
  /** Ports to read; default: the list `/ethdev/list` returns at open time. */
  ports?: readonly number[];
  /** How long to wait for each answer, ms. Default 5000. */
  timeoutMs?: number;
}

/** The fields of DPDK's `/ethdev/stats,N` telemetry answer that the reader uses. */
interface EthdevStats {
  ipackets: number;
  opackets: number;
  ibytes: number;
  obytes: number;
  imissed: number;
  ierrors: number;
  oerrors: number;
  rx_nombuf: number;
}

/**
 * Reads port statistics through DPDK's telemetry socket (`/var/run/dpdk/<prefix>/dpdk_telemetry.v2`),
 * the alternative to parsing testpmd's text. The socket is SOCK_SEQPACKET, which Node cannot open, so
 * the reader keeps one `dpdk-telemetry.py` child and writes commands such as `/ethdev/stats,0` to its
 * stdin, one JSON answer per line. It works with any DPDK application, not only testpmd, and does not
 * disturb testpmd's "since last show" rates. Telemetry has no rates: `rxPps`… are 0 (the sampler's
 * deltas carry rates).
 */
export class TelemetryReader implements StatsSource {
  /** Ports read by {@link TelemetryReader.readStats}. */
  ports: readonly number[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly timeoutMs: number;
  private readonly prefix: string;
  private lines: string[] = [];
  private partial = '';
  private waiter: (() => void) | undefined;
  private gone: Error | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(child: ChildProcessWithoutNullStreams, prefix: string, timeoutMs: number) {
    this.child = child;
    this.prefix = prefix;
    this.timeoutMs = timeoutMs;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts.filter((l) => l.trim() !== ''));
      this.waiter?.();
    });
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      const last = [...this.lines, this.partial].join(' ').trim();
      this.gone = /Error connecting/.test(last)
        ? noSocket(prefix, last)
        : new TestpmdExitedError(code, signal, `dpdk-telemetry.py ended${last === '' ? '' : `: ${last}`} (the DPDK application probably exited).`);
      this.waiter?.();
    });
  }

  /**
   * Starts `dpdk-telemetry.py -f <prefix>`, checks that it connects, and learns the port list.
   * Throws {@link TestpmdNotInstalledError} when the script is missing, {@link TelemetryError} when
   * no application with that prefix is reachable.
   */
  static async open(options: TelemetryReaderOptions = {}): Promise<TelemetryReader> {
    const name = options.executable ?? 'dpdk-telemetry.py';
    const exe = findExecutable(name);
    if (exe === undefined) throw new TestpmdNotInstalledError(name);
    const prefix = options.filePrefix ?? 'rte';
    const args = ['-f', prefix, ...(options.instance === undefined ? [] : ['-i', String(options.instance)])];
    const child = spawn(exe, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONUNBUFFERED: '1' } });
    const reader = new TelemetryReader(child, prefix, options.timeoutMs ?? 5000);
    try {
      const list = await reader.query('/ethdev/list');
      reader.ports = options.ports ?? (Array.isArray(list) ? (list as number[]) : []);
    } catch (error) {
      reader.close();
      throw error;
    }
    return reader;
  }

  /**
   * Sends one telemetry command (e.g. `/ethdev/stats,0`) and returns the value of its answer
   * (`null` when DPDK does not know the command or the argument).
   */
  query(command: string): Promise<unknown> {
    const run = async (): Promise<unknown> => {
      if (this.gone !== undefined) throw this.gone;
      this.child.stdin.write(`${command}\n`);
      const line = await this.nextLine(command);
      if (line.startsWith('Error connecting')) throw noSocket(this.prefix, line);
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (cause) {
        throw new TelemetryError(`dpdk-telemetry.py answered \`${command}\` with non-JSON text: ${line.slice(0, 200)}`, { cause });
      }
      const key = command.split(',')[0] as string;
      return (parsed as Record<string, unknown>)[key] ?? null;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Reads `/ethdev/stats,N` for every port. Throws {@link TelemetryError} for an unknown port. */
  async readStats(): Promise<PortStats[]> {
    const out: PortStats[] = [];
    for (const port of this.ports) {
      const s = (await this.query(`/ethdev/stats,${port}`)) as EthdevStats | null;
      if (s === null || typeof s !== 'object' || typeof s.ipackets !== 'number') {
        throw new TelemetryError(`Telemetry has no statistics for port ${port} under prefix "${this.prefix}"; /ethdev/list gives the valid port ids.`);
      }
      out.push({
        port,
        rxPackets: s.ipackets,
        rxMissed: s.imissed,
        rxBytes: s.ibytes,
        rxErrors: s.ierrors,
        rxNoMbuf: s.rx_nombuf,
        txPackets: s.opackets,
        txErrors: s.oerrors,
        txBytes: s.obytes,
        rxPps: 0,
        rxBps: 0,
        txPps: 0,
        txBps: 0,
      });
    }
    return out;
  }

  /** Ends the `dpdk-telemetry.py` child. */
  close(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.stdin.end();
  }

  private nextLine(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new TelemetryError(`dpdk-telemetry.py did not answer \`${command}\` within ${this.timeoutMs} ms.`));
      }, this.timeoutMs);
      const check = (): void => {
        const line = this.lines.shift();
        if (line !== undefined) {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(line);
        } else if (this.gone !== undefined) {
          clearTimeout(timer);
          this.waiter = undefined;
          reject(this.gone);
        }
      };
      this.waiter = check;
      check();
    });
  }
}

function noSocket(prefix: string, detail: string): TelemetryError {
  return new TelemetryError(
    `No DPDK telemetry socket for file prefix "${prefix}" (${detail.trim()}). Check that the DPDK application runs ` +
      'with this --file-prefix and without --no-telemetry; `dpdk-telemetry.py -l` lists the prefixes found.',
  );
}

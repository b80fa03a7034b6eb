import { EventEmitter } from 'node:events';
import { attachTestpmd, spawnTestpmd, type TestpmdLink } from './testpmd-link.js';
import { TestpmdExitedError, TestpmdTimeoutError } from './errors.js';
import { parsePortStatsStrict, stripTerminalCodes } from './stats-parser.js';
import type { PortStats, StatsSample } from './port-stats.js';

/** Anything the sampler can read port statistics from: {@link Testpmd} or {@link TelemetryReader}. */
export interface StatsSource {
  /** Reads the current statistics of every port. */
  readStats(): Promise<PortStats[]>;
}

/** EAL arguments used when none are given: no hugepages, no PCI, two null ports, cores 0-1. */
export const DEFAULT_EAL_ARGS: readonly string[] = ['--no-huge', '-m', '256', '--no-pci', '--vdev=net_null0', '--vdev=net_null1', '-l', '0-1'];
/** Application arguments used when none are given (`-i` is always added). */
export const DEFAULT_APP_ARGS: readonly string[] = ['--total-num-mbufs=16384'];

/** Options of {@link Testpmd.start}. */
export interface TestpmdStartOptions {
  /** Executable name or path. Default `dpdk-testpmd`. */
  executable?: string;
  /** EAL arguments (before `--`), without `--file-prefix`. Default {@link DEFAULT_EAL_ARGS}. */
  eal?: readonly string[];
  /** Application arguments (after `--`); `-i` is added if missing. Default {@link DEFAULT_APP_ARGS}. */
  app?: readonly string[];
  /** EAL `--file-prefix`, which must be unique among running DPDK processes. Default `nss-<pid>-<n>`. */
  filePrefix?: string;
  /** Run under `stdbuf -oL` so output lines arrive as they are printed. Default true. */
  lineBuffered?: boolean;
  /** How long to wait for the first prompt, ms. Default 30000. */
  startTimeoutMs?: number;
  /** How long to wait for each command's prompt, ms. Default 10000. */
  commandTimeoutMs?: number;
  /** Environment of the process. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Options of {@link Testpmd.attach}. */
export interface TestpmdAttachOptions {
  /** The FIFO testpmd reads its commands from (`-i < fifo`). */
  commandFifo: string;
  /** The file testpmd's stdout goes to. */
  outputFile: string;
  /** testpmd's PID, to notice when it dies. Optional. */
  pid?: number;
  /** The `--file-prefix` it was started with, for the telemetry reader. Optional. */
  filePrefix?: string;
  /** How long to wait for each command's prompt, ms. Default 10000. */
  commandTimeoutMs?: number;
}

/** Events of {@link Testpmd}. */
export interface TestpmdEvents {
  /** Raw output as it arrives. */
  output: [chunk: string];
  /** testpmd went away (exited, killed, or the link failed). */
  exit: [error: TestpmdExitedError];
}

const PROMPT = 'testpmd> ';
let instances = 0;

/**
 * Controls one `dpdk-testpmd` in interactive mode: sends commands one at a time and returns the text
 * each prints before the next prompt.
 *
 * ```ts
 * const pmd = await Testpmd.start();           // null devices, no hugepages
 * await pmd.setForwardingMode('io');
 * await pmd.startForwarding();
 * const sample = await pmd.portStats();        // { timestamp, ports: [{ rxPackets, … }] }
 * await pmd.close();
 * ```
 */
export class Testpmd extends EventEmitter<TestpmdEvents> implements StatsSource {
  /** The EAL file prefix (known when started by this class or given to attach). */
  readonly filePrefix: string | undefined;
  private readonly link: TestpmdLink;
  private readonly commandTimeoutMs: number;
  private buffer = '';
  private waiter: ((text: string) => void) | undefined;
  private failure: TestpmdExitedError | undefined;
  private failWaiter: ((error: TestpmdExitedError) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(link: TestpmdLink, filePrefix: string | undefined, commandTimeoutMs: number) {
    super();
    this.link = link;
    this.filePrefix = filePrefix;
    this.commandTimeoutMs = commandTimeoutMs;
    link.onOutput((chunk) => {
      this.buffer += chunk;
      if (this.listenerCount('output') > 0) this.emit('output', chunk);
      this.checkPrompt();
    });
    link.onClose((error) => {
      this.failure = error;
      this.failWaiter?.(error);
      this.emit('exit', error);
    });
  }

  /**
   * Starts testpmd (interactive, stdin kept open) and waits for its first prompt. Throws
   * {@link TestpmdNotInstalledError} when the executable is missing and {@link TestpmdExitedError}
   * when it dies during start-up (the message carries its last stderr lines).
   */
  static async start(options: TestpmdStartOptions = {}): Promise<Testpmd> {
    const filePrefix = options.filePrefix ?? `nss-${process.pid}-${++instances}`;
    const app = [...(options.app ?? DEFAULT_APP_ARGS)];
    if (!app.includes('-i') && !app.includes('--interactive')) app.push('-i');
    const args = [...(options.eal ?? DEFAULT_EAL_ARGS), `--file-prefix=${filePrefix}`, '--', ...app];
    const link = spawnTestpmd(options.executable ?? 'dpdk-testpmd', args, options.lineBuffered ?? true, options.env);
    const pmd = new Testpmd(link, filePrefix, options.commandTimeoutMs ?? 10_000);
    try {
      await pmd.waitForPrompt('(start-up)', options.startTimeoutMs ?? 30_000);
    } catch (error) {
      link.kill('SIGKILL');
      throw error;
    }
    return pmd;
  }

  /**
   * Attaches to a testpmd started elsewhere with its stdin on a FIFO and its stdout in a file (see
   * docs/adapters/dpdk.md). Sends an empty line and waits for the prompt to check it answers.
   * Throws {@link TestpmdAttachError} when the FIFO or the file is unusable.
   */
  static async attach(options: TestpmdAttachOptions): Promise<Testpmd> {
    const link = await attachTestpmd(options.commandFifo, options.outputFile, options.pid);
    const timeout = options.commandTimeoutMs ?? 10_000;
    const pmd = new Testpmd(link, options.filePrefix, timeout);
    try {
      await pmd.command('');
    } catch (error) {
      await link.close();
      throw error;
    }
    return pmd;
  }

  /** testpmd's PID, when known. */
  get pid(): number | undefined {
    return this.link.pid;
  }

  /** True once testpmd has gone away. */
  get exited(): boolean {
    return this.failure !== undefined;
  }

  /**
   * Sends one command line and resolves with what testpmd printed before its next prompt (terminal
   * codes and the echoed command removed). Commands are serialised: a second call waits for the first.
   * Rejects with {@link TestpmdExitedError} if testpmd dies, {@link TestpmdTimeoutError} if no prompt
   * comes.
   */
  command(line: string): Promise<string> {
    const run = async (): Promise<string> => {
      if (this.failure !== undefined) throw this.failure;
      this.buffer = '';
      this.link.write(`${line}\n`);
      const text = await this.waitForPrompt(line, this.commandTimeoutMs);
      const clean = stripTerminalCodes(text);
      const lines = clean.split('\n');
      if (lines[0]?.trim() === line.trim()) lines.shift();
      return lines.join('\n');
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** `set fwd <mode>` (io, mac, macswap, txonly, rxonly, csum, …). */
  async setForwardingMode(mode: string): Promise<void> {
    const answer = await this.command(`set fwd ${mode}`);
    if (/invalid|bad arguments|unknown/i.test(answer)) throw new TypeError(`testpmd refused forwarding mode "${mode}": ${answer.trim()}`);
  }

  /** `start`: starts packet forwarding. */
  async startForwarding(): Promise<void> {
    await this.command('start');
  }

  /** `stop`: stops forwarding; resolves with testpmd's forward-statistics report. */
  stopForwarding(): Promise<string> {
    return this.command('stop');
  }

  /** `clear port stats all`. */
  async clearPortStats(): Promise<void> {
    await this.command('clear port stats all');
  }

  /** `show port stats all`, parsed. Throws {@link StatsParseError} on a truncated answer. */
  async readStats(): Promise<PortStats[]> {
    return parsePortStatsStrict(await this.command('show port stats all'));
  }

  /** {@link Testpmd.readStats} stamped with the wall-clock time of the reading. */
  async portStats(): Promise<StatsSample> {
    const ports = await this.readStats();
    return { timestamp: Date.now(), ports };
  }

  /** Sends a signal to testpmd (e.g. to test a crash). Returns false when it is already gone. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    return this.link.kill(signal);
  }

  /**
   * Started processes: sends `quit`, closes stdin and waits for the exit (SIGKILL after 10 s).
   * Attached ones: stops reading and closes the FIFO (testpmd keeps running while another writer
   * holds the FIFO open).
   */
  async close(): Promise<void> {
    await this.queue;
    await this.link.close();
  }

  private waitForPrompt(what: string, timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.failure !== undefined) {
        reject(this.failure);
        return;
      }
      const timer = setTimeout(() => {
        this.waiter = undefined;
        this.failWaiter = undefined;
        reject(new TestpmdTimeoutError(what, timeoutMs));
      }, timeoutMs);
      this.waiter = (text) => {
        clearTimeout(timer);
        this.failWaiter = undefined;
        resolve(text);
      };
      this.failWaiter = (error) => {
        clearTimeout(timer);
        this.waiter = undefined;
        reject(error);
      };
      this.checkPrompt();
    });
  }

  private checkPrompt(): void {
    if (this.waiter === undefined) return;
    const at = this.buffer.indexOf(PROMPT);
    if (at < 0) return;
    const text = this.buffer.slice(0, at);
    this.buffer = this.buffer.slice(at + PROMPT.length);
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter(text);
  }
}

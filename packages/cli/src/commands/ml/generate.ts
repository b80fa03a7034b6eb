/** `nss ml generate`: seeded synthetic telco traffic in the seed's CSV schema (seed-systems §2.1). */
import type { Command } from 'commander';
import { type FailurePattern, type TrafficProfile, writeTrafficCsv } from '@nss/ml';
import type { CliContext } from '../../context.js';
import { ExitCode } from '../../errors.js';
import { reportingMlErrors } from './ml-errors.js';
import { integerAtLeast, oneOf } from './option-values.js';

/** Options of `nss ml generate`. */
export interface MlGenerateOptions {
  readonly days: number;
  readonly profile: TrafficProfile;
  readonly seed: number;
  readonly start?: number;
  readonly failures: FailurePattern;
  readonly secondsPerDay?: number;
  readonly out: string;
}

/** Writes the CSV; returns the exit code. */
export async function mlGenerate(context: CliContext, options: MlGenerateOptions): Promise<number> {
  const rows = await reportingMlErrors(() =>
    writeTrafficCsv(options.out, {
      days: options.days,
      profile: options.profile,
      seed: options.seed,
      start: options.start,
      failures: options.failures,
      secondsPerDay: options.secondsPerDay,
    }),
  );
  context.output.out(`wrote ${rows} rows (${options.days} day(s), ${options.profile} profile, seed ${options.seed}) to ${options.out}`);
  return ExitCode.OK;
}

/** Adds `generate` to `nss ml`. */
export function mlGenerateCommand(ml: Command, context: CliContext): void {
  ml.command('generate')
    .description('write seeded per-second telco traffic (timestamp,rx_packets,tx_packets,packet_drops,latency,label)')
    .requiredOption('--days <n>', 'days of data', integerAtLeast(1))
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--profile <name>', 'daily profile: sinusoidal or step', oneOf(['sinusoidal', 'step'] as const), 'sinusoidal')
    .option('--seed <n>', 'seed (the same seed gives identical bytes)', integerAtLeast(0), 1)
    .option('--start <unix-seconds>', 'time of the first row (default Mon 2024-01-01 00:00 UTC)', integerAtLeast(0))
    .option('--failures <pattern>', 'where drops happen: random (as upstream) or precursor (drops announced by rising latency)', oneOf(['random', 'precursor'] as const), 'random')
    .option('--seconds-per-day <n>', 'rows per day (86400 = one a second; fewer compress the day)', integerAtLeast(24))
    .action(async (options: MlGenerateOptions) => {
      context.exitCode = await mlGenerate(context, options);
    });
}

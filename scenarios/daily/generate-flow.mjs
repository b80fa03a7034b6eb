#!/usr/bin/env node
// Writes the packet-flow CSV of the daily scenario: per user, a non-homogeneous Poisson packet stream
// whose rate follows a compressed "day" (rate = mean · (1 − amplitude · cos(2π t / day))), repeated for
// several days, drawn from the core's seeded Rng (same options, same bytes).
//
//   node scenarios/daily/generate-flow.mjs [--seed 1] [--days 4] [--day-ms 60000] [--mean-rate 0.15]
//                                          [--amplitude 0.8] [--users 2] [--out scenarios/daily/daily-flow.csv]
//
// Needs the built package: pnpm --filter @nss/core build && pnpm --filter @nss/scaling-predictive build
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { dailyPacketFlow, packetFlowCsv } = await import(join(here, '../../packages/scaling-predictive/dist/index.js'));

const defaults = { seed: '1', days: '4', 'day-ms': '60000', 'mean-rate': '0.15', amplitude: '0.8', users: '2', out: join(here, 'daily-flow.csv') };
const options = { ...defaults };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const key = args[i].replace(/^--/, '');
  if (!(key in defaults) || args[i + 1] === undefined) {
    console.error(`generate-flow: unknown option or missing value: ${args[i]} (options: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')})`);
    process.exit(2);
  }
  options[key] = args[++i];
}
const number = (key) => {
  const v = Number(options[key]);
  if (!Number.isFinite(v)) {
    console.error(`generate-flow: --${key} must be a number, got ${options[key]}`);
    process.exit(2);
  }
  return v;
};
const users = Array.from({ length: number('users') }, (_, i) => `u_${i}`);
const rows = dailyPacketFlow({
  users,
  seed: options.seed,
  days: number('days'),
  dayMs: number('day-ms'),
  meanRate: number('mean-rate'),
  amplitude: number('amplitude'),
});
writeFileSync(options.out, packetFlowCsv(rows));
console.log(`generate-flow: ${rows.length} packets for ${users.length} users over ${options.days} days of ${options['day-ms']} ms -> ${options.out}`);

/**
 * `nss ml loadtest`: the ML-for-NFV seed's client test (seed-systems §1.4): r concurrent POSTs of
 * 63·2^n rows to `/api/ml_predict_data`, response and prediction time percentiles, and the seed's plot
 * (request index vs time, `t_pred` and `t_resp`) as SVG.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type LoadTestReport, type ModelSlotStatus, PREDICT_DATA_SLOTS, readCsvTable, renderLineChartSvg, runLoadTest, writeSvg } from '@nss/ml';
import type { CliContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { renderTable } from '../../tables.js';
import { reportingMlErrors } from './ml-errors.js';
import { integerAtLeast, oneOf } from './option-values.js';

/** Options of `nss ml loadtest`. */
export interface MlLoadTestOptions {
  readonly url: string;
  readonly typ: '0' | '1' | '2';
  readonly input: string;
  readonly n: number;
  readonly r: number;
  readonly concurrency?: number;
  readonly base: number;
  readonly plot?: string;
  readonly out?: string;
  readonly json?: boolean;
}

/** The feature names of the model the server uses for `typ` (from `GET /models`). */
async function featuresOf(url: string, typ: number): Promise<readonly string[]> {
  let slots: ModelSlotStatus[];
  try {
    const answer = await fetch(new URL('/models', url), { signal: AbortSignal.timeout(10_000) });
    slots = (await answer.json()) as ModelSlotStatus[];
  } catch (error) {
    throw new UsageError(`cannot reach the model server at ${url} (${error instanceof Error ? error.message : String(error)}): start it with \`nss ml serve\``);
  }
  const role = PREDICT_DATA_SLOTS[typ];
  const slot = slots.find((s) => s.name === role);
  if (slot === undefined || slot.featureNames.length === 0) {
    throw new UsageError(`the server at ${url} has no ${role} model (typ=${typ}): start it with --${role} <model.json>`);
  }
  return slot.featureNames;
}

function statsRows(report: LoadTestReport): string[][] {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
  return (['response', 'prediction'] as const).map((k) => {
    const s = report[k];
    return [`${k} (ms)`, f(s.mean), f(s.p50), f(s.p90), f(s.p99), f(s.max)];
  });
}

/** Runs the load test; returns the exit code (1 when requests failed). */
export async function mlLoadTest(context: CliContext, o: MlLoadTestOptions): Promise<number> {
  const typ = Number(o.typ) as 0 | 1 | 2;
  const features = await featuresOf(o.url, typ);
  const rows = await reportingMlErrors(() => {
    const table = readCsvTable(o.input, { allowEmpty: true });
    const missing = features.filter((f) => !table.has(f));
    if (missing.length > 0) throw new UsageError(`${o.input} lacks the model's feature column(s) ${missing.join(', ')} (columns: ${table.columns.join(', ')})`);
    return table.slice(0, Math.min(o.base, table.rowCount)).rows(features);
  });
  const report = await runLoadTest({ url: o.url, typ, rows, doublings: o.n, requests: o.r, concurrency: o.concurrency });
  if (o.plot !== undefined) {
    writeSvg(
      o.plot,
      renderLineChartSvg(
        [
          { name: 't_pred', values: [...report.predictionMs], color: '#1f77b4' },
          { name: 't_resp', values: [...report.responseMs], color: '#ff7f0e' },
        ],
        { title: `Prediction/Response time for ${report.rowsPerRequest} elements`, xLabel: 'Iterations', yLabel: 'Time (ms)' },
      ),
    );
  }
  if (o.out !== undefined) writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  if (o.json === true) {
    const { responseMs: _r, predictionMs: _p, ...summary } = report;
    context.output.out(JSON.stringify(summary, null, 2));
  } else {
    context.output.out(
      `${report.requests} requests of ${report.rowsPerRequest} rows, ${report.concurrency} at a time: ` +
        `${report.requests - report.failed} answered, ${report.failed} lost, ${report.throughput.toFixed(1)} requests/s`,
    );
    context.output.out(renderTable(['time', 'mean', 'p50', 'p90', 'p99', 'max'], statsRows(report)));
    if (o.plot !== undefined) context.output.out(`plot: ${o.plot}`);
  }
  for (const failure of report.failures) context.output.err(`nss: request failed: ${failure}`);
  return report.failed > 0 ? ExitCode.FAILURE : ExitCode.OK;
}

/** Adds `loadtest` to `nss ml`. */
export function mlLoadTestCommand(ml: Command, context: CliContext): void {
  ml.command('loadtest')
    .description('send r concurrent requests of 63·2^n rows to /api/ml_predict_data; report response and prediction times')
    .requiredOption('--input <file>', 'CSV holding the model\'s feature columns (the first --base rows are sent)')
    .option('--url <url>', 'model server', 'http://127.0.0.1:5000')
    .option('--typ <typ>', '0 classifier, 1 regressor, 2 clustering', oneOf(['0', '1', '2'] as const), '0')
    .option('-n <n>', 'doublings: each request carries base·2^n rows', integerAtLeast(0), 0)
    .option('-r <r>', 'requests to send', integerAtLeast(1), 10)
    .option('--concurrency <c>', 'requests in flight at once (default: all)', integerAtLeast(1))
    .option('--base <rows>', 'rows of the block that is doubled', integerAtLeast(1), 63)
    .option('--plot <file.svg>', 'plot t_pred and t_resp per request')
    .option('--out <file.json>', 'save every measured time')
    .option('--json', 'print the summary as JSON')
    .action(async (options: MlLoadTestOptions) => {
      context.exitCode = await mlLoadTest(context, options);
    });
}

/**
 * `nss ml serve`: the model server (fastify) on 127.0.0.1 unless told otherwise. Models reload when a
 * modeler (`nss ml train --every S`) replaces their files. Ctrl-C stops it.
 */
import type { Command } from 'commander';
import { type ServedModelFiles, createMlServer, forecastFromRecords, loadModel } from '@nss/ml';
import type { Model } from '@nss/ml';
import type { CliContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { reportingMlErrors } from './ml-errors.js';
import { integerAtLeast } from './option-values.js';

/** Options of `nss ml serve`. */
export interface MlServeOptions extends ServedModelFiles {
  readonly host: string;
  readonly port: number;
  readonly watch: boolean;
}

const EXPECTED_KIND = { failure: 'failure-classifier', forecaster: 'forecaster', classifier: 'classifier', regressor: 'regressor', kmeans: 'kmeans' } as const;

/** Serves until SIGINT/SIGTERM (or `stop` resolves, for tests); returns the exit code. */
export async function mlServe(context: CliContext, o: MlServeOptions, stop?: Promise<void>): Promise<number> {
  const files: Record<string, string> = {};
  for (const role of Object.keys(EXPECTED_KIND) as (keyof typeof EXPECTED_KIND)[]) if (o[role] !== undefined) files[role] = o[role]!;
  if (Object.keys(files).length === 0) {
    throw new UsageError('nss ml serve needs at least one model: --failure, --forecaster, --classifier, --regressor or --kmeans <model.json>');
  }
  const server = await reportingMlErrors(() =>
    createMlServer({
      models: files,
      // Each file must hold the kind its role serves (a regressor passed as --classifier is refused).
      loadModel: (path, role) => loadModel(path, EXPECTED_KIND[role as keyof typeof EXPECTED_KIND]),
      forecast: (model, records, horizon) => forecastFromRecords(model as Model, records, horizon),
      watch: o.watch,
    }),
  );
  let url: string;
  try {
    url = await server.listen(o.port, o.host);
  } catch (error) {
    await server.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot listen on ${o.host}:${o.port} (${code ?? (error as Error).message})${code === 'EADDRINUSE' ? ': the port is taken, choose another with --port' : ''}`);
  }
  context.output.out(`serving ${Object.entries(files).map(([r, p]) => `${r}=${p}`).join(', ')} on ${url}`);
  if (o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1') context.output.err(`nss: warning: listening on ${o.host}, reachable from other machines`);
  const stopped = new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    stop?.then(done, done);
  });
  await stopped;
  await server.close();
  context.output.err('nss: server stopped');
  return ExitCode.OK;
}

/** Adds `serve` to `nss ml`. */
export function mlServeCommand(ml: Command, context: CliContext): void {
  ml.command('serve')
    .description('serve models over HTTP: POST /predict, /forecast, /api/ml_predict_data?N=&typ=0|1|2; GET /models')
    .option('--failure <model>', 'failure classifier for POST /predict')
    .option('--forecaster <model>', 'forecaster for POST /forecast')
    .option('--classifier <model>', 'classifier for /api/ml_predict_data?typ=0')
    .option('--regressor <model>', 'regressor for typ=1')
    .option('--kmeans <model>', 'k-means model for typ=2')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', integerAtLeast(0), 5000)
    .option('--no-watch', 'do not reload models when their files change')
    .action(async (options: MlServeOptions) => {
      context.exitCode = await mlServe(context, options);
    });
}

/**
 * `nss ml ...`: data generation, training (once or as a modeler loop), evaluation, serving and load
 * testing with @nss/ml. See packages/ml/README.md and docs/ml.md.
 */
import type { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { mlEvaluateCommand } from './evaluate.js';
import { mlGenerateCommand } from './generate.js';
import { mlLoadTestCommand } from './loadtest.js';
import { mlServeCommand } from './serve.js';
import { mlTrainCommand } from './train.js';

/** Registers `nss ml` and its subcommands on the program. */
export function mlCommand(program: Command, context: CliContext): void {
  const ml = program
    .command('ml')
    .description('machine learning for network functions: generate data, train, evaluate, serve, load-test')
    .addHelpText(
      'after',
      '\nExample:\n' +
        '  nss ml generate --days 21 --out traffic.csv\n' +
        '  nss ml train --input traffic.csv --holdout 0.667 --out forecaster.json\n' +
        '  nss ml evaluate --input traffic.csv --holdout 0.667 --model forecaster.json --profile sinusoidal --plot forecast.svg\n' +
        '  nss ml train --input traffic.csv --kind failure --out failure.json\n' +
        '  nss ml serve --failure failure.json --forecaster forecaster.json',
    );
  mlGenerateCommand(ml, context);
  mlTrainCommand(ml, context);
  mlEvaluateCommand(ml, context);
  mlServeCommand(ml, context);
  mlLoadTestCommand(ml, context);
}

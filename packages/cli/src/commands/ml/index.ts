/**
 * `nss ml ...`: data generation, training, evaluation, serving and load testing for @nss/ml.
 * (Subcommands are added as @nss/ml grows; see packages/ml/README.md.)
 */
import type { Command } from 'commander';
import type { CliContext } from '../../context.js';

/** Registers `nss ml` and its subcommands on the program. */
export function mlCommand(program: Command, _context: CliContext): void {
  program.command('ml').description('machine learning for network functions: generate data, train, evaluate, serve');
}

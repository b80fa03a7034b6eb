/**
 * @packageDocumentation
 * `@nss/cli`: the `nss` command-line tool (validate, generate, run, plugins) and its programmatic
 * entry point {@link main}; {@link createStandardRegistry} gives the standard plugins by name.
 */
export { main, type MainOptions } from './main.js';
export { STANDARD_PLUGINS, createStandardRegistry } from './standard-plugins.js';
export { ExitCode, formatCliIssue, type CliIssue } from './errors.js';
export type { Output, ProgressStream } from './output.js';
export { defaultParamsPath, defaultSpecsPath } from './default-scenario.js';

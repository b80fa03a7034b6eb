/**
 * `nss plugins [--json]`: the registered plugins by kind, with their aliases, description and
 * parameters (name, type, default, description, from each plugin's JSON Schema).
 */
import type { Command } from 'commander';
import { PLUGIN_KINDS, type ParametersSchema, type PluginSummary, describeSchema } from '@nss/core';
import type { CliContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { renderTable } from '../tables.js';

/** One parameter of a plugin, as `nss plugins` shows it. */
export interface ParameterDescription {
  readonly name: string;
  /** What the schema accepts, in words (e.g. `a number in [0, 1]`). */
  readonly type: string;
  /** The default value (JSON), `undefined` when there is none. */
  readonly default: unknown;
  readonly required: boolean;
  readonly description: string;
}

/**
 * Defaults a schema applies conditionally: `allOf: [{ if: { anyOf: [{ required: [a] }, { required: [b] }] },
 * else: { properties: { a: { default: d } } } }]` (a parameter `a` with a synonym `b`, defaulted only when
 * neither is given) gives `a` and `b` the effective default `d`.
 */
function conditionalDefaults(schema: ParametersSchema | undefined): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const part of (schema?.allOf ?? []) as readonly Record<string, unknown>[]) {
    const otherwise = part.else as { properties?: Record<string, { default?: unknown }> } | undefined;
    const condition = part.if as { anyOf?: readonly { required?: readonly string[] }[] } | undefined;
    const defaults = Object.entries(otherwise?.properties ?? {}).filter(([, p]) => p.default !== undefined);
    if (defaults.length !== 1) continue;
    const [[name, { default: value }]] = defaults;
    found.set(name, value);
    const names = (condition?.anyOf ?? []).flatMap((c) => c.required ?? []);
    if (names.includes(name)) for (const other of names) if (!found.has(other)) found.set(other, value);
  }
  return found;
}

/** The parameters a plugin's schema declares, in declaration order, with their effective defaults. */
export function describeParameters(schema: ParametersSchema | undefined): ParameterDescription[] {
  const required = new Set(schema?.required ?? []);
  const conditional = conditionalDefaults(schema);
  return Object.entries(schema?.properties ?? {}).map(([name, p]) => ({
    name,
    type: describeSchema(p),
    default: p.default !== undefined ? p.default : conditional.get(name),
    required: required.has(name),
    description: p.description ?? p.title ?? '',
  }));
}

function formatPlugin(plugin: PluginSummary): string {
  const aliases = plugin.aliases.length === 0 ? '' : ` (aliases: ${plugin.aliases.join(', ')})`;
  const lines = [`  ${plugin.name}${aliases}`, `    ${plugin.description}`];
  const parameters = describeParameters(plugin.parameters);
  if (parameters.length === 0) {
    lines.push('    parameters: none');
  } else {
    const table = renderTable(
      ['parameter', 'type', 'default', 'description'],
      parameters.map((p) => [
        p.required ? `${p.name} (required)` : p.name,
        p.type,
        p.default === undefined ? '-' : JSON.stringify(p.default),
        p.description,
      ]),
      [null, 30, null, 60],
    );
    lines.push(...table.split('\n').map((line) => `    ${line}`));
  }
  return lines.join('\n');
}

/** Prints the registered plugins (as text, or as JSON with `json`); returns the exit code. */
export function listPlugins(context: CliContext, json: boolean): number {
  const plugins = context.registry.list();
  if (json) {
    const data = plugins.map((p) => ({
      kind: p.kind,
      name: p.name,
      aliases: p.aliases,
      description: p.description,
      parameters: describeParameters(p.parameters),
      schema: p.parameters ?? null,
    }));
    context.output.out(JSON.stringify(data, null, 2));
    return ExitCode.OK;
  }
  const sections = PLUGIN_KINDS.map((kind) => {
    const ofKind = plugins.filter((p) => p.kind === kind);
    const body = ofKind.length === 0 ? '  (none registered)' : ofKind.map(formatPlugin).join('\n\n');
    return `${kind}\n${body}`;
  });
  context.output.out(sections.join('\n\n'));
  return ExitCode.OK;
}

/** Adds the `plugins` command to `program`. */
export function pluginsCommand(program: Command, context: CliContext): Command {
  return program
    .command('plugins')
    .description('list the registered placement, scaling and dispatch plugins and their parameters')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      '\nA scenario names a plugin by its name or an alias; a module path (./my-placement.mjs) or an\n' +
        'npm package name works too.',
    )
    .action((options: { json?: boolean }) => {
      context.exitCode = listPlugins(context, options.json === true);
    });
}

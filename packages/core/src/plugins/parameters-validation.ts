import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { type ConfigIssue, PluginError } from '../errors.js';
import type { ParameterSchema, ParametersSchema } from './parameters-schema.js';

/** The parts of a plugin parameter validation needs (a plugin, or anything shaped like one). */
export interface ParameterizedPlugin {
  readonly kind: string;
  readonly name: string;
  readonly parameters?: ParametersSchema;
}

/** One thing wrong with a plugin's parameters. */
export interface ParameterProblem {
  /** Dotted parameter name, e.g. `alpha` or `weights.cpu`; `""` for the parameters object itself. */
  readonly parameter: string;
  /** JSON Pointer of the offending value inside the parameters object, e.g. `/weights/cpu`. */
  readonly path: string;
  /** What was expected, in words (type and range), or the accepted names for an unknown parameter. */
  readonly expected: string;
  /** What was found, in words (usually the offending value). */
  readonly found: string;
  /** True when the parameter is not one the plugin accepts. */
  readonly unknown: boolean;
}

/** The outcome of {@link checkParameters}: validated parameters (defaults applied, types coerced) or every problem. */
export type ParametersCheck =
  | { readonly ok: true; readonly params: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly ParameterProblem[] };

/** A plugin's parameters are invalid: carries every problem found. Exit code 2. */
export class PluginParametersError extends PluginError {
  /** Kind of the plugin (`placement`, `scaling`, `dispatch`). */
  readonly kind: string;
  /** Name of the plugin. */
  readonly plugin: string;
  /** Every problem found. */
  readonly problems: readonly ParameterProblem[];

  constructor(plugin: ParameterizedPlugin, problems: readonly ParameterProblem[]) {
    const n = problems.length;
    super(
      `invalid parameters for ${plugin.kind} plugin "${plugin.name}": ${n} problem${n === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.kind = plugin.kind;
    this.plugin = plugin.name;
    this.problems = problems;
  }

  /**
   * The problems as configuration issues, for a config loader that reports them with the other problems
   * of a file. `basePath` is the JSON Pointer of the parameters object in that file, e.g. `/placement/parameters`.
   */
  toConfigIssues(file: string, basePath: string): ConfigIssue[] {
    return parameterIssues(this.problems, file, basePath);
  }
}

/** Converts parameter problems into {@link ConfigIssue}s located at `basePath` in `file`. */
export function parameterIssues(problems: readonly ParameterProblem[], file: string, basePath: string): ConfigIssue[] {
  return problems.map((p) => ({
    file,
    path: `${basePath}${p.path}`,
    expected: p.expected,
    found: p.found,
    severity: 'error' as const,
  }));
}

/** One line per problem: `parameter "alpha": expected a number >= 0, found -1`. */
export function formatProblem(problem: ParameterProblem): string {
  if (problem.unknown) return `unknown parameter "${problem.parameter}" (value ${problem.found}); ${problem.expected}`;
  const what = problem.parameter === '' ? 'parameters' : `parameter "${problem.parameter}"`;
  return `${what}: expected ${problem.expected}, found ${problem.found}`;
}

const ajv = new Ajv({
  allErrors: true,
  useDefaults: true,
  coerceTypes: true, // the reference passes every parameter as a string ("0.1"), model-spec §1.5
  verbose: true, // errors carry the offending data and the schema, used to word the messages
  strictSchema: true, // an unknown keyword in a plugin's schema is a bug of the plugin: fail when it is defined
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  validateFormats: false, // no ajv-formats: `format` is documentation only
});

const NO_PARAMETERS: ParametersSchema = Object.freeze({ type: 'object', additionalProperties: false });
const validators = new WeakMap<object, ValidateFunction>();

/**
 * Compiles (once per plugin object) the validator of a plugin's parameters. A schema that does not set
 * `additionalProperties` rejects parameters it does not list. Throws {@link PluginError} for a schema
 * that is not an object schema or that ajv cannot compile.
 */
export function compileParameters(plugin: ParameterizedPlugin): ValidateFunction {
  const cached = validators.get(plugin);
  if (cached !== undefined) return cached;
  const schema = plugin.parameters ?? NO_PARAMETERS;
  if (schema === null || typeof schema !== 'object' || schema.type !== 'object') {
    throw new PluginError(
      `${plugin.kind} plugin "${plugin.name}": its parameters schema must be a JSON Schema with type "object"`,
    );
  }
  const closed = { ...schema, additionalProperties: schema.additionalProperties ?? false };
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(closed as unknown as SchemaObject);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PluginError(`${plugin.kind} plugin "${plugin.name}" has an invalid parameters schema: ${detail}`, {
      cause,
    });
  }
  validators.set(plugin, validate);
  return validate;
}

/**
 * Validates raw parameters (as found in a configuration file: possibly stringified numbers) against a
 * plugin's schema, without throwing for invalid input. The input is not modified: defaults and coercions
 * are applied to a copy. `undefined` and `null` mean "no parameters".
 */
export function checkParameters(plugin: ParameterizedPlugin, raw: unknown): ParametersCheck {
  const validate = compileParameters(plugin);
  const data = raw === undefined || raw === null ? {} : copyData(raw);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ parameter: '', path: '', expected: 'an object of named parameters', found: formatValue(raw), unknown: false }],
    };
  }
  if (validate(data)) return { ok: true, params: data as Record<string, unknown> };
  return { ok: false, problems: describeErrors(validate.errors ?? []) };
}

/**
 * Validates raw parameters and returns them with defaults applied and types coerced; throws
 * {@link PluginParametersError} listing every problem.
 */
export function validatePluginParameters(plugin: ParameterizedPlugin, raw: unknown): Record<string, unknown> {
  const result = checkParameters(plugin, raw);
  if (!result.ok) throw new PluginParametersError(plugin, result.problems);
  return result.params;
}

/** Deep copy of plain objects and arrays (other values, e.g. functions, are kept by reference). */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (value !== null && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyData(v);
    return out;
  }
  return value;
}

function describeErrors(errors: readonly ErrorObject[]): ParameterProblem[] {
  // An anyOf/oneOf failure is reported once, in terms of its alternatives, not per alternative.
  const unionPaths = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const relevant = errors.filter(
    (e) =>
      e.keyword === 'anyOf' ||
      e.keyword === 'oneOf' ||
      !unionPaths.some((u) => e.schemaPath.startsWith(`${u.schemaPath}/`) && e.instancePath.startsWith(u.instancePath)),
  );
  const problems: ParameterProblem[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    const problem = describeError(e);
    const key = `${problem.path}\u0000${problem.expected}\u0000${problem.unknown}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeError(e: ErrorObject): ParameterProblem {
  const parent = (e.parentSchema ?? {}) as ParameterSchema;
  if (e.keyword === 'additionalProperties') {
    const name = String((e.params as { additionalProperty: string }).additionalProperty);
    const path = `${e.instancePath}/${escapePointer(name)}`;
    const accepted = Object.keys(parent.properties ?? {});
    const atRoot = e.instancePath === '';
    const noun = atRoot ? 'parameters' : `keys of "${pointerToName(e.instancePath)}"`;
    const expected =
      accepted.length === 0
        ? atRoot
          ? 'this plugin takes no parameters'
          : `no ${noun} are accepted`
        : `accepted ${noun}: ${accepted.join(', ')}`;
    const data = e.data as Record<string, unknown> | undefined;
    return { parameter: pointerToName(path), path, expected, found: formatValue(data?.[name]), unknown: true };
  }
  if (e.keyword === 'required') {
    const name = String((e.params as { missingProperty: string }).missingProperty);
    const path = `${e.instancePath}/${escapePointer(name)}`;
    const schema = parent.properties?.[name];
    return {
      parameter: pointerToName(path),
      path,
      expected: schema === undefined ? 'a value (it is required)' : `${describeSchema(schema)} (it is required)`,
      found: 'nothing',
      unknown: false,
    };
  }
  return {
    parameter: pointerToName(e.instancePath),
    path: e.instancePath,
    expected: e.keyword in VALUE_KEYWORDS ? describeSchema(parent) : (e.message ?? 'a valid value'),
    found: formatValue(e.data),
    unknown: false,
  };
}

/** Keywords whose failure is best explained by describing the whole schema of the value. */
const VALUE_KEYWORDS: Readonly<Record<string, true>> = {
  type: true,
  enum: true,
  const: true,
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  minItems: true,
  maxItems: true,
  anyOf: true,
  oneOf: true,
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  null: 'null',
  boolean: 'a boolean',
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  array: 'a list',
  object: 'an object',
};

/** Describes what a schema accepts in words, e.g. `a number in [0, 1]` or `one of "up", "down"`. */
export function describeSchema(schema: ParameterSchema | boolean): string {
  if (schema === true) return 'any value';
  if (schema === false) return 'no value';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) return alternatives.map((s) => describeSchema(s)).join(' or ');
  const types = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  let words = types.length === 0 ? 'a value' : types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  const bounds = numericBounds(schema);
  if (bounds !== '') words += ` ${bounds}`;
  if (schema.multipleOf !== undefined) words += ` (a multiple of ${schema.multipleOf})`;
  if (schema.minLength !== undefined) words += ` of at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined) words += ` of at most ${schema.maxLength} characters`;
  if (schema.pattern !== undefined) words += ` matching /${schema.pattern}/`;
  if (schema.minItems !== undefined) words += ` of at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`;
  if (schema.maxItems !== undefined) words += ` of at most ${schema.maxItems} item${schema.maxItems === 1 ? '' : 's'}`;
  if (schema.items !== undefined && !Array.isArray(schema.items)) {
    words += `, each ${describeSchema(schema.items as ParameterSchema)}`;
  }
  return words;
}

function numericBounds(s: ParameterSchema): string {
  if (s.minimum !== undefined && s.maximum !== undefined) return `in [${s.minimum}, ${s.maximum}]`;
  const parts: string[] = [];
  if (s.minimum !== undefined) parts.push(`>= ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) parts.push(`<= ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
  return parts.join(' and ');
}

/** The offending value in words: JSON for data (shortened), `nothing` for undefined. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerToName(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

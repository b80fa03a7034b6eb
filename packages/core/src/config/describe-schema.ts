/**
 * Describes what a (sub)schema accepts in words, for the "expected" part of an issue:
 * `a number > 0`, `an integer >= -1`, `a number between 0 and 1`, `one of poisson, linear`,
 * `a non-empty list of numbers > 0`.
 */
import { FLAG_VALUES, type JsonSchema, type JsonType, type JsonValue } from './json-schema.js';

const SINGULAR: Record<JsonType, string> = {
  null: 'null',
  boolean: 'true or false',
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  array: 'a list',
  object: 'an object',
};

const PLURAL: Record<JsonType, string> = {
  null: 'nulls',
  boolean: 'booleans',
  number: 'numbers',
  integer: 'integers',
  string: 'strings',
  array: 'lists',
  object: 'objects',
};

function sameValues(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function formatEnum(values: readonly JsonValue[]): string {
  const allStrings = values.every((v) => typeof v === 'string' && v !== '');
  return values.map((v) => (allStrings ? String(v) : JSON.stringify(v))).join(', ');
}

function numericBounds(schema: JsonSchema): string {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return ` between ${minimum} and ${maximum}`;
  const parts: string[] = [];
  if (exclusiveMinimum !== undefined) parts.push(`> ${exclusiveMinimum}`);
  else if (minimum !== undefined) parts.push(`>= ${minimum}`);
  if (exclusiveMaximum !== undefined) parts.push(`< ${exclusiveMaximum}`);
  else if (maximum !== undefined) parts.push(`<= ${maximum}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

/**
 * Describes in words the values `schema` accepts; `plural` gives the form used inside a list
 * description ("numbers > 0" rather than "a number > 0").
 */
export function describeSchema(schema: JsonSchema | boolean | undefined, plural = false): string {
  if (schema === undefined || schema === true) return plural ? 'values' : 'any value';
  if (schema === false) return 'nothing';
  if (schema.enum !== undefined) {
    if (sameValues(schema.enum, FLAG_VALUES)) return plural ? 'flags (0 or 1)' : 'a flag: 0 or 1 (also true/false, "0"/"1")';
    return `${plural ? 'values among' : 'one of'} ${formatEnum(schema.enum)}`;
  }
  if (schema.const !== undefined) return `${plural ? 'values equal to' : 'exactly'} ${JSON.stringify(schema.const)}`;
  if (schema.anyOf !== undefined) return schema.anyOf.map((s) => describeSchema(s, plural)).join(' or ');
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return plural ? 'values' : 'any value';
  if (types.length > 1) return types.map((t) => (plural ? PLURAL[t] : SINGULAR[t])).join(' or ');
  const type = types[0];
  switch (type) {
    case 'number':
    case 'integer':
      return `${plural ? PLURAL[type] : SINGULAR[type]}${numericBounds(schema)}`;
    case 'string':
      if (schema.minLength !== undefined && schema.minLength > 0) return plural ? 'non-empty strings' : 'a non-empty string';
      return plural ? PLURAL.string : SINGULAR.string;
    case 'array': {
      const nonEmpty = schema.minItems !== undefined && schema.minItems > 0;
      const head = plural ? `${nonEmpty ? 'non-empty ' : ''}lists` : nonEmpty ? 'a non-empty list' : 'a list';
      return schema.items === undefined ? head : `${head} of ${describeSchema(schema.items, true)}`;
    }
    case 'object':
      if (plural) return schema.title === undefined ? 'objects' : `${schema.title} objects`;
      return schema.title === undefined ? 'an object' : `an object (${schema.title})`;
    default:
      return plural ? PLURAL[type] : SINGULAR[type];
  }
}

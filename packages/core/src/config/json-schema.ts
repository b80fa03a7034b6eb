/**
 * The subset of JSON Schema (draft-07) used by the \@nss configuration schemas, and small builders that
 * keep the schema modules readable. Everything here is plain data: the schema modules built from it are
 * also written verbatim to `schemas/*.schema.json` by `scripts/write-schemas.mjs`, so this file (and the
 * schema modules) must only import other files of this folder.
 */

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema primitive type name. */
export type JsonType = 'null' | 'boolean' | 'number' | 'integer' | 'string' | 'array' | 'object';

/** A JSON Schema (draft-07) node, restricted to the keywords the \@nss schemas use. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  /** Constrains the keys of an object; an unknown key is then an error (unlike `additionalProperties: false`, which \@nss reports as a warning). */
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: JsonValue[];
  const?: JsonValue;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  anyOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  default?: JsonValue;
  examples?: JsonValue[];
}

/** The JSON Schema dialect of the \@nss schemas (ajv's default `Ajv` class validates draft-07). */
export const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** The values accepted for an on/off flag, as the reference accepts them loosely. */
export const FLAG_VALUES: JsonValue[] = [0, 1, true, false, '0', '1'];

/** A number strictly greater than `bound`. */
export function greaterThan(bound: number): JsonSchema {
  return { type: 'number', exclusiveMinimum: bound };
}

/** A number greater than or equal to `bound`. */
export function atLeast(bound: number): JsonSchema {
  return { type: 'number', minimum: bound };
}

/** An integer greater than or equal to `bound`. */
export function integerAtLeast(bound: number): JsonSchema {
  return { type: 'integer', minimum: bound };
}

/** A probability: a number in [0, 1]. */
export function probability(): JsonSchema {
  return { type: 'number', minimum: 0, maximum: 1 };
}

/** Attaches a title and a description (shown by editors) to a schema. */
export function described(title: string, description: string, schema: JsonSchema): JsonSchema {
  return { title, description, ...schema };
}

/**
 * A list of candidate values: every generated entity draws one of them uniformly at random.
 * Non-empty unless `allowEmpty`.
 */
export function candidates(
  title: string,
  description: string,
  item: JsonSchema,
  options: { allowEmpty?: boolean; default?: JsonValue } = {},
): JsonSchema {
  const schema: JsonSchema = {
    title,
    description: `${description} List of candidate values; each generated entity draws one uniformly at random.`,
    type: 'array',
    items: item,
  };
  if (options.allowEmpty !== true) schema.minItems = 1;
  if (options.default !== undefined) schema.default = options.default;
  return schema;
}

/** An on/off flag accepting 0/1, true/false and "0"/"1". */
export function flag(title: string, description: string, defaultValue?: JsonValue): JsonSchema {
  const schema: JsonSchema = {
    title,
    description: `${description} Flag: 1, true or "1" = on; 0, false or "0" = off.`,
    enum: [...FLAG_VALUES],
  };
  if (defaultValue !== undefined) schema.default = defaultValue;
  return schema;
}

/** An object whose keys are listed; unknown keys are reported as warnings by the validator. */
export function knownKeys(
  title: string,
  description: string,
  properties: Record<string, JsonSchema>,
  required: string[],
): JsonSchema {
  const schema: JsonSchema = { title, description, type: 'object', properties, additionalProperties: false };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** A free-form object (heuristic parameters): any keys, passed through unchanged. */
export function freeForm(title: string, description: string): JsonSchema {
  return { title, description, type: 'object', default: {} };
}

/** The `$schema` key users add so that editors find the schema; ignored by the simulator. */
export function schemaReference(fileName: string): JsonSchema {
  return {
    title: 'JSON Schema',
    description:
      `URI or path of the JSON Schema of this file, for editors (e.g. "./node_modules/@nss/core/schemas/${fileName}"). Ignored by the simulator.`,
    type: 'string',
  };
}

/**
 * The JSON Schema (draft-07) subset a plugin uses to declare its parameters. Plain data: the core
 * validates parameters with ajv against it, and `nss plugins` prints it.
 */

/** A JSON Schema primitive type name. */
export type ParameterType = 'null' | 'boolean' | 'number' | 'integer' | 'string' | 'array' | 'object';

/**
 * The schema of one parameter (or of a nested value): JSON Schema draft-07 keywords. `default` is applied
 * when the parameter is missing; `description` is shown by `nss plugins`.
 */
export interface ParameterSchema {
  readonly type?: ParameterType | readonly ParameterType[];
  readonly title?: string;
  readonly description?: string;
  readonly $comment?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly items?: ParameterSchema | readonly ParameterSchema[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, ParameterSchema>>;
  readonly patternProperties?: Readonly<Record<string, ParameterSchema>>;
  readonly propertyNames?: ParameterSchema;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | ParameterSchema;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly anyOf?: readonly ParameterSchema[];
  readonly oneOf?: readonly ParameterSchema[];
  readonly allOf?: readonly ParameterSchema[];
  readonly not?: ParameterSchema;
  readonly if?: ParameterSchema;
  readonly then?: ParameterSchema;
  readonly else?: ParameterSchema;
}

/**
 * The schema of a plugin's parameters object. Unless it sets `additionalProperties`, parameters it does
 * not list are rejected (the reference's constructors reject unknown names too, model-spec §1.5).
 */
export interface ParametersSchema extends ParameterSchema {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, ParameterSchema>>;
}

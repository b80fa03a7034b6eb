/**
 * The compiled ajv validators of the two schemas. Compiled lazily on first use, once per process.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { ConfigIssue } from '../errors.js';
import { ajvErrorsToIssues } from './ajv-issues.js';
import { parametersSchema } from './parameters-schema.js';
import { specsSchema } from './specs-schema.js';

let ajv: Ajv | undefined;
const compiled = new Map<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates `data` against the specs schema; returns its issues (schema level only, not de-duplicated). */
export function specsSchemaIssues(data: unknown, file: string): ConfigIssue[] {
  const validate = validatorFor(specsSchema);
  return validate(data) ? [] : ajvErrorsToIssues(validate.errors, file);
}

/** Validates `data` against the parameters schema; returns its issues (schema level only, not de-duplicated). */
export function parametersSchemaIssues(data: unknown, file: string): ConfigIssue[] {
  const validate = validatorFor(parametersSchema);
  return validate(data) ? [] : ajvErrorsToIssues(validate.errors, file);
}

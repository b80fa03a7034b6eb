/**
 * The validators of the two schemas, precompiled at build time with ajv's standalone code generation
 * (scripts/write-validators.mjs → schema-validators.generated.ts, options `allErrors`, `verbose`,
 * `strict`, `strictRequired: false`, `allowUnionTypes`): a run does not compile the schemas at startup.
 * Their errors are ajv's {@link ErrorObject}s, as a compiled validator's.
 */
import type { ErrorObject } from 'ajv';
import type { ConfigIssue } from '../errors.js';
import { ajvErrorsToIssues } from './ajv-issues.js';
import { parametersValidator, specsValidator } from './schema-validators.generated.js';

/** A precompiled validator: true when `data` is valid; otherwise its `errors` say why. */
interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validateSpecs = specsValidator as unknown as StandaloneValidator;
const validateParameters = parametersValidator as unknown as StandaloneValidator;

/** Validates `data` against the specs schema; returns its issues (schema level only, not de-duplicated). */
export function specsSchemaIssues(data: unknown, file: string): ConfigIssue[] {
  return validateSpecs(data) ? [] : ajvErrorsToIssues(validateSpecs.errors, file);
}

/** Validates `data` against the parameters schema; returns its issues (schema level only, not de-duplicated). */
export function parametersSchemaIssues(data: unknown, file: string): ConfigIssue[] {
  return validateParameters(data) ? [] : ajvErrorsToIssues(validateParameters.errors, file);
}

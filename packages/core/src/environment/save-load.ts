import Ajv, { type ValidateFunction } from 'ajv';
import { ConfigError, NssError } from '../errors.js';
import type { EdgeEnvironment } from './edge-environment.js';
import { ajvIssues } from './ajv-issues.js';
import { crossReferenceIssues } from './cross-references.js';
import { ENVIRONMENT_SCHEMA, KEY_ORDER } from './environment-schema.js';
import { parseJsonInput } from './json-input.js';

type Plain = { [key: string]: unknown };

/** Copies `value`'s properties in `keys` order (the canonical order of the saved format). */
function ordered(value: object, keys: readonly string[]): Plain {
  const source = value as Plain;
  const out: Plain = {};
  for (const key of keys) {
    const v = source[key];
    out[key] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return out;
}

/** A user with `sfcIngressEgress` keyed in the user's SFC order, then any other key sorted. */
function canonicalUser(user: EdgeEnvironment['users'][number]): Plain {
  const out = ordered(user, KEY_ORDER.users);
  const io = user.sfcIngressEgress;
  const keys = [...user.sfcs.filter((s) => s in io), ...Object.keys(io).filter((k) => !user.sfcs.includes(k)).sort()];
  out.sfcIngressEgress = Object.fromEntries(keys.map((k) => [k, ordered(io[k], KEY_ORDER.ingressEgress)]));
  return out;
}

/** The environment as a plain object with the canonical key order of the saved format. */
function canonical(env: EdgeEnvironment): Plain {
  return ordered(
    {
      format: env.format,
      version: env.version,
      seed: env.seed,
      nodes: env.nodes.map((x) => ordered(x, KEY_ORDER.nodes)),
      links: env.links.map((x) => ordered(x, KEY_ORDER.links)),
      vnfs: env.vnfs.map((x) => ordered(x, KEY_ORDER.vnfs)),
      sfcs: env.sfcs.map((x) => ordered(x, KEY_ORDER.sfcs)),
      slices: env.slices.map((x) => ordered(x, KEY_ORDER.slices)),
      users: env.users.map(canonicalUser),
      dataSources: env.dataSources.map((x) => ordered(x, KEY_ORDER.dataSources)),
      sfcRequests: env.sfcRequests.map((x) => ordered(x, KEY_ORDER.sfcRequests)),
    },
    KEY_ORDER.environment,
  );
}

/**
 * Serialises an environment to the saved JSON format (`format: "nss-environment"`, version 1; see
 * {@link ENVIRONMENT_SCHEMA}). Deterministic: a fixed key order per entity kind, 2-space indentation
 * and a trailing newline, so the same environment always gives the same bytes and
 * `saveEnvironment(loadEnvironment(text)) === text` for any saved text.
 */
export function saveEnvironment(env: EdgeEnvironment): string {
  return `${JSON.stringify(canonical(env), null, 2)}\n`;
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(ENVIRONMENT_SCHEMA);
  return validator;
}

/** Whether a parsed value looks like the reference's saved-entities JSON (model-spec §10.6). */
function looksLikeReference(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !('format' in value) &&
    'nodes' in value &&
    'links' in value &&
    ('sfc_requests' in value || 'data_sources' in value)
  );
}

/**
 * Reads an environment saved by {@link saveEnvironment} (JSON text, or the already-parsed value).
 * Checks the structure against {@link ENVIRONMENT_SCHEMA} and then the cross-references (link
 * endpoints are nodes, requests name existing users, SFC types and data sources, indices are dense,
 * names unique, …) and reports **every** problem at once.
 *
 * @param input - JSON text or a parsed value.
 * @param file - label of the input in error messages (its path). Default `<environment>`.
 * @throws InputFileError when the text is not JSON.
 * @throws ConfigError listing every problem with its JSON path (file, path, expected, found).
 * @throws NssError when given the reference's saved-entities JSON (use {@link importReferenceEntities}).
 */
export function loadEnvironment(input: unknown, file = '<environment>'): EdgeEnvironment {
  const value = parseJsonInput(input, file);
  if (looksLikeReference(value)) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `${file}: this is a 5GNSS saved-entities file (the reference's --save output), not an nss-environment file: ` +
        'read it with importReferenceEntities',
    );
  }
  const check = validate();
  if (!check(value)) throw new ConfigError(ajvIssues(check.errors, file));
  const env = value as EdgeEnvironment;
  const issues = crossReferenceIssues(env, file);
  if (issues.length > 0) throw new ConfigError(issues);
  // A canonical deep copy: the result shares nothing with the caller's value.
  return JSON.parse(saveEnvironment(env)) as EdgeEnvironment;
}

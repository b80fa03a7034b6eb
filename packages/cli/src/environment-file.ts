/**
 * `nss run --load F`: an environment saved by `nss generate --save` (format `nss-environment`), or the
 * reference simulator's saved entities (no `format` field), told apart by the `format` field.
 */
import {
  type EdgeEnvironment,
  InputFileError,
  importReferenceEntities,
  loadEnvironment,
  readJsonFile,
} from '@nss/core';

const OUR_FORMAT = 'nss-environment';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads an environment file of either format. Throws InputFileError when the file cannot be read, is
 * not JSON or is neither format, and ConfigError listing every problem of a file of a known format.
 */
export function loadEnvironmentFile(path: string): EdgeEnvironment {
  const value = readJsonFile(path);
  const expected =
    `expected an environment saved by \`nss generate --save\` ("format": "${OUR_FORMAT}") ` +
    "or the reference simulator's saved entities (keys nodes, links, vnfs, sfcs, users, data_sources, sfc_requests)";
  if (!isObject(value)) throw new InputFileError(path, `not an environment file: ${expected}`);
  if ('format' in value) {
    if (value.format !== OUR_FORMAT) {
      throw new InputFileError(path, `unknown environment format ${JSON.stringify(value.format)}: ${expected}`);
    }
    return loadEnvironment(value, path);
  }
  if (!('nodes' in value) && !('sfc_requests' in value)) {
    throw new InputFileError(path, `not an environment file (it has neither "format" nor "nodes"): ${expected}`);
  }
  return importReferenceEntities(value, path);
}

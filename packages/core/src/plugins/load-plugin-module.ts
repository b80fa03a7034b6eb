import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PluginError } from '../errors.js';
import { type AnyPlugin, type PluginKind, isPlugin } from './define-plugin.js';

/** Whether a plugin spec names a module file rather than a registered name or a package. */
export function isModulePath(spec: string): boolean {
  return (
    spec.startsWith('.') ||
    spec.startsWith('/') ||
    spec.startsWith('file:') ||
    path.isAbsolute(spec) ||
    /\.(?:js|mjs|cjs)$/.test(spec)
  );
}

/** npm package names (with optional scope and subpath); anything else cannot be a package. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*(?:\/.+)?$/;

/**
 * Loads the plugin of `kind` that the module `spec` exports (`spec` may end with `#name` to pick one
 * of several). `unknown` builds the error for a package that cannot be found.
 */
export async function loadPluginModule(
  kind: PluginKind,
  spec: string,
  cwd: string,
  unknown: () => PluginError,
): Promise<AnyPlugin> {
  const hash = spec.lastIndexOf('#');
  const moduleSpec = hash > 0 ? spec.slice(0, hash) : spec;
  const wanted = hash > 0 ? spec.slice(hash + 1) : undefined;
  let namespace: Record<string, unknown>;
  let baseName: string;
  if (isModulePath(moduleSpec)) {
    const url = moduleSpec.startsWith('file:') ? moduleSpec : pathToFileURL(path.resolve(cwd, moduleSpec)).href;
    const shown = moduleSpec.startsWith('file:') ? moduleSpec : path.resolve(cwd, moduleSpec);
    try {
      namespace = (await import(url)) as Record<string, unknown>;
    } catch (cause) {
      throw new PluginError(`cannot load ${kind} plugin module "${moduleSpec}" (${shown}): ${messageOf(cause)}`, {
        cause,
      });
    }
    baseName = path.basename(moduleSpec).replace(/\.[^.]*$/, '');
  } else {
    if (!PACKAGE_NAME.test(moduleSpec) || isBuiltin(moduleSpec)) throw unknown();
    const url = resolvePackage(moduleSpec, cwd);
    try {
      namespace = (await import(url ?? moduleSpec)) as Record<string, unknown>;
    } catch (cause) {
      const code = (cause as { code?: unknown } | null)?.code;
      if (url === undefined && code === 'ERR_MODULE_NOT_FOUND' && messageOf(cause).includes(`'${packageName(moduleSpec)}'`)) {
        throw unknown();
      }
      throw new PluginError(`cannot load ${kind} plugin package "${moduleSpec}": ${messageOf(cause)}`, { cause });
    }
    baseName = moduleSpec.slice(moduleSpec.lastIndexOf('/') + 1);
  }
  return pickPlugin(kind, moduleSpec, namespace, wanted, baseName);
}

function pickPlugin(
  kind: PluginKind,
  moduleSpec: string,
  namespace: Record<string, unknown>,
  wanted: string | undefined,
  baseName: string,
): AnyPlugin {
  const exported = exportsOf(namespace);
  const ofKind = exported.filter((e): e is { name: string; value: AnyPlugin } => isPlugin(e.value) && e.value.kind === kind);
  const unique = [...new Map(ofKind.map((e) => [e.value, e])).values()];
  const answers = (p: AnyPlugin, name: string): boolean => p.name === name || (p.aliases ?? []).includes(name);
  const what = (): string =>
    exported.length === 0 ? 'nothing' : exported.map((e) => `${e.name}: ${describeValue(e.value)}`).join(', ');
  if (wanted !== undefined) {
    const hit = unique.find((e) => e.name === wanted || answers(e.value, wanted));
    if (hit === undefined) {
      throw new PluginError(`module "${moduleSpec}" has no ${kind} plugin named "${wanted}"; it exports ${what()}`);
    }
    return normalise(hit.value);
  }
  if (unique.length === 1) return normalise(unique[0].value);
  if (unique.length === 0) {
    throw new PluginError(`module "${moduleSpec}" exports no ${kind} plugin; it exports ${what()}`);
  }
  const byFileName = unique.filter((e) => answers(e.value, baseName));
  if (byFileName.length === 1) return normalise(byFileName[0].value);
  const names = unique.map((e) => e.value.name);
  throw new PluginError(
    `module "${moduleSpec}" exports several ${kind} plugins (${names.join(', ')}); choose one with "${moduleSpec}#${names[0]}"`,
  );
}

/** The module's exports; a default export that is a plain object of plugins (CommonJS interop) is opened too. */
function exportsOf(namespace: Record<string, unknown>): { name: string; value: unknown }[] {
  const out: { name: string; value: unknown }[] = [];
  for (const [name, value] of Object.entries(namespace)) {
    if (name === '__esModule' || name === 'module.exports') continue;
    if (name === 'default' && value !== null && typeof value === 'object' && !isPlugin(value) && !Array.isArray(value)) {
      const inner = Object.entries(value as Record<string, unknown>).filter(([k, v]) => k !== '__esModule' && isPlugin(v));
      if (inner.length > 0) {
        for (const [k, v] of inner) out.push({ name: k, value: v });
        continue;
      }
    }
    out.push({ name, value });
  }
  return out;
}

/** Words for an exported value, for error messages: `placement plugin "greedy"`, `a function`, ... */
export function describeValue(value: unknown): string {
  if (isPlugin(value)) return `${value.kind} plugin "${value.name}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'undefined' ? 'undefined' : `a ${type}`;
}

/** A plugin written by hand (not with define*) may omit `aliases`. */
function normalise(plugin: AnyPlugin): AnyPlugin {
  return Array.isArray(plugin.aliases) ? plugin : (Object.freeze({ ...plugin, aliases: [] }) as AnyPlugin);
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Resolves a package from `cwd` (as a project's own `import` would): first Node's CommonJS resolver
 * (handles `main` and `require` exports), then a walk up `node_modules` reading the package's `exports`
 * for ESM-only packages. `undefined` when not found (the caller then tries a plain `import`).
 */
function resolvePackage(spec: string, cwd: string): string | undefined {
  const name = packageName(spec);
  const subpath = spec === name ? '.' : `.${spec.slice(name.length)}`;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (existsSync(manifest)) {
      const entry = entryOf(manifest, subpath);
      if (entry !== undefined && existsSync(path.join(pkgDir, entry))) return pathToFileURL(path.join(pkgDir, entry)).href;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  try {
    return pathToFileURL(createRequire(path.join(path.resolve(cwd), 'noop.js')).resolve(spec)).href;
  } catch {
    return undefined;
  }
}

/** The file a package exposes at `subpath` for `import` (conditions import, node, default), if readable. */
function entryOf(manifest: string, subpath: string): string | undefined {
  let pkg: { exports?: unknown; module?: unknown; main?: unknown };
  try {
    pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
  } catch {
    return undefined;
  }
  if (pkg.exports !== undefined) {
    const exp = pkg.exports;
    const isSubpathMap =
      exp !== null && typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'));
    const target = isSubpathMap ? (exp as Record<string, unknown>)[subpath] : subpath === '.' ? exp : undefined;
    return pickCondition(target);
  }
  if (subpath !== '.') return undefined;
  if (typeof pkg.module === 'string') return pkg.module;
  if (typeof pkg.main === 'string') return pkg.main;
  return 'index.js';
}

function pickCondition(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const hit = pickCondition(t);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    const conditions = target as Record<string, unknown>;
    for (const key of ['import', 'node', 'default']) {
      if (key in conditions) {
        const hit = pickCondition(conditions[key]);
        if (hit !== undefined) return hit;
      }
    }
  }
  return undefined;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

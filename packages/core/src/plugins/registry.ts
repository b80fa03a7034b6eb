import { PluginError } from '../errors.js';
import { type AnyPlugin, PLUGIN_KINDS, type PluginKind, type PluginOfKind, isPlugin } from './define-plugin.js';
import { describeValue, loadPluginModule } from './load-plugin-module.js';
import type { ParametersSchema } from './parameters-schema.js';

/** What `nss plugins` shows about a registered plugin. */
export interface PluginSummary {
  readonly kind: PluginKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  /** JSON Schema of its parameters (`undefined`: it takes none). */
  readonly parameters: ParametersSchema | undefined;
}

/** Options of {@link PluginRegistry.resolve}. */
export interface ResolveOptions {
  /** Directory module paths and package names are resolved from (default: `process.cwd()`). */
  readonly cwd?: string;
}

/**
 * The plugins a host knows by name, per kind. Names and aliases are case-sensitive and unique within a
 * kind (a placement and a scaling plugin may share a name). `resolve` also loads plugins from a module
 * path or an npm package, as ESLint and Babel resolve theirs.
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry([greedy, basicCpu]);
 * const placement = await registry.resolve('placement', 'GreedyPlacement'); // by alias
 * const custom = await registry.resolve('placement', './my-placement.mjs', { cwd: scenarioDir });
 * ```
 */
export class PluginRegistry {
  private readonly byKind = new Map<PluginKind, Map<string, AnyPlugin>>(PLUGIN_KINDS.map((k) => [k, new Map()]));
  private readonly ordered: AnyPlugin[] = [];

  /** Creates a registry holding `plugins` (registered in order, see {@link PluginRegistry.register}). */
  constructor(plugins: Iterable<AnyPlugin> = []) {
    for (const plugin of plugins) this.register(plugin);
  }

  /**
   * Adds a plugin under its name and aliases. Registering the very same plugin object again does
   * nothing; another plugin whose name or an alias is already taken within its kind throws
   * {@link PluginError}.
   */
  register(plugin: AnyPlugin): this {
    if (!isPlugin(plugin)) {
      throw new PluginError(
        `cannot register ${describeValue(plugin)}: a plugin is made with definePlacement, defineScaling or defineDispatch`,
      );
    }
    const names = this.byKind.get(plugin.kind) as Map<string, AnyPlugin>;
    const keys = [plugin.name, ...(plugin.aliases ?? [])];
    if (keys.every((k) => names.get(k) === plugin)) return this;
    for (const key of keys) {
      const holder = names.get(key);
      if (holder !== undefined) {
        const how = holder.name === key ? 'the name' : 'an alias';
        throw new PluginError(
          `cannot register ${plugin.kind} plugin "${plugin.name}": "${key}" is already ${how} of ${plugin.kind} plugin "${holder.name}"`,
        );
      }
    }
    for (const key of keys) names.set(key, plugin);
    this.ordered.push(plugin);
    return this;
  }

  /** The plugin of `kind` registered under `name` (its name or an alias), or `undefined`. */
  get<Kind extends PluginKind>(kind: Kind, name: string): PluginOfKind<Kind> | undefined {
    return this.byKind.get(kind)?.get(name) as PluginOfKind<Kind> | undefined;
  }

  /** Whether a plugin of `kind` is registered under `name` (its name or an alias). */
  has(kind: PluginKind, name: string): boolean {
    return this.byKind.get(kind)?.has(name) ?? false;
  }

  /** Registered plugins (of one kind, or all grouped by kind), in registration order. */
  list(kind?: PluginKind): PluginSummary[] {
    const kinds = kind === undefined ? PLUGIN_KINDS : [kind];
    return kinds.flatMap((k) =>
      this.ordered
        .filter((p) => p.kind === k)
        .map((p) => ({
          kind: p.kind,
          name: p.name,
          aliases: p.aliases ?? [],
          description: p.description,
          parameters: p.parameters,
        })),
    );
  }

  /**
   * Finds the plugin a configuration names:
   * 1. a registered name or alias of that kind;
   * 2. a module path (starting with `.` or `/`, absolute, a `file:` URL, or ending with `.js`, `.mjs`,
   *    `.cjs`), resolved against `options.cwd`;
   * 3. an npm package name, resolved from `options.cwd` (then from @nss/core's own location).
   *
   * A module may default-export a plugin or export several; the one of the requested kind is used. When
   * it exports several of that kind, append `#name` to the spec (e.g. `./plugins.mjs#fancy`) or name the
   * file after the plugin. Throws {@link PluginError} (exit code 2) for an unknown name, a module that
   * fails to load, and a module without a plugin of that kind.
   */
  async resolve<Kind extends PluginKind>(kind: Kind, spec: string, options: ResolveOptions = {}): Promise<PluginOfKind<Kind>> {
    if (typeof spec !== 'string' || spec === '') {
      throw new PluginError(`a ${kind} must be named by a non-empty string; got ${JSON.stringify(spec)}`);
    }
    const registered = this.get(kind, spec);
    if (registered !== undefined) return registered;
    const plugin = await loadPluginModule(kind, spec, options.cwd ?? process.cwd(), () => this.unknown(kind, spec));
    return plugin as PluginOfKind<Kind>;
  }

  /** The error for a name that is neither registered nor loadable: `unknown placement "X"; available: A (alias), B`. */
  unknown(kind: PluginKind, name: string): PluginError {
    const available = this.ordered
      .filter((p) => p.kind === kind)
      .map((p) => ((p.aliases ?? []).length === 0 ? p.name : `${p.name} (${(p.aliases ?? []).join(', ')})`));
    return new PluginError(
      `unknown ${kind} "${name}"; available: ${available.length === 0 ? 'none' : available.join(', ')}`,
    );
  }
}

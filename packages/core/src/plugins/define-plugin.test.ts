import { describe, expect, it } from 'vitest';
import type { RandomStream } from '../engine/rng.js';
import { PluginError } from '../errors.js';
import { type PlacementContext, defineDispatch, definePlacement, defineScaling, isPlugin } from './define-plugin.js';
import { instantiate } from './instantiate.js';
import { PluginParametersError, checkParameters, describeSchema } from './parameters-validation.js';

const rng = {} as RandomStream;
const context: PlacementContext = { rng, shareSfcInstances: true, computeLinkBandwidthLimit: false };

interface FancyParams {
  alpha: number;
  rounds: number;
  mode: 'fast' | 'slow';
  verbose: boolean;
}

const fancy = definePlacement({
  name: 'fancy',
  aliases: ['FancyPlacement', 'FancyPlacement'],
  description: 'A placement used by the tests.',
  parameters: {
    type: 'object',
    properties: {
      alpha: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
      rounds: { type: 'integer', exclusiveMinimum: 0 },
      mode: { enum: ['fast', 'slow'], default: 'fast' },
      verbose: { type: 'boolean', default: false },
    },
    required: ['rounds'],
  },
  create: (params: FancyParams, ctx) => ({ name: `fancy-${params.mode}`, params, ctx, place: () => ({ decisions: [] }) }),
});

function paramsOf(strategy: object): FancyParams {
  return (strategy as { params: FancyParams }).params;
}

function thrown(f: () => unknown): PluginParametersError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PluginParametersError);
    return e as PluginParametersError;
  }
  throw new Error('expected an error');
}

describe('definePlacement / defineScaling / defineDispatch', () => {
  it('adds the kind, dedupes aliases and freezes the plugin', () => {
    expect(fancy.kind).toBe('placement');
    expect(fancy.aliases).toEqual(['FancyPlacement']);
    expect(Object.isFrozen(fancy)).toBe(true);
    expect(isPlugin(fancy)).toBe(true);
    const s = defineScaling({ name: 's', description: 'd', create: () => ({ name: 's', monitorInterval: 10, monitor: () => [] }) });
    const d = defineDispatch({ name: 'd', description: 'd', create: () => ({ name: 'd', select: () => 0 }) });
    expect([s.kind, d.kind, s.aliases]).toEqual(['scaling', 'dispatch', []]);
  });

  it('refuses a definition without a name or create, and a broken schema, when it is defined', () => {
    expect(() => definePlacement({ name: '', description: 'x', create: () => ({ name: '', place: () => ({ decisions: [] }) }) })).toThrow(PluginError);
    expect(() => definePlacement({ name: 'x', description: 'x' } as never)).toThrow(/must define create/);
    expect(() =>
      definePlacement({
        name: 'typo',
        description: 'x',
        parameters: { type: 'object', properties: { a: { type: 'number', minimun: 0 } as never } },
        create: () => ({ name: 'typo', place: () => ({ decisions: [] }) }),
      }),
    ).toThrow(/placement plugin "typo" has an invalid parameters schema: .*minimun/);
  });
});

describe('instantiate', () => {
  it('applies defaults and passes the context to create', () => {
    const strategy = instantiate(fancy, { rounds: 3 }, context);
    expect(paramsOf(strategy)).toEqual({ alpha: 0.5, rounds: 3, mode: 'fast', verbose: false });
    expect((strategy as unknown as { ctx: PlacementContext }).ctx).toBe(context);
    expect(strategy.name).toBe('fancy-fast');
  });

  it("coerces the reference's stringified values [Q-32]", () => {
    const strategy = instantiate(fancy, { alpha: '0.1', rounds: '2', verbose: 'true', mode: 'slow' }, context);
    expect(paramsOf(strategy)).toEqual({ alpha: 0.1, rounds: 2, mode: 'slow', verbose: true });
  });

  it('does not modify the raw parameters it is given', () => {
    const raw = { rounds: '4' };
    instantiate(fancy, raw, context);
    expect(raw).toEqual({ rounds: '4' });
  });

  it('lists every problem with the plugin, the parameter, what was expected and what was found', () => {
    const error = thrown(() => instantiate(fancy, { alpha: 'abc', mode: 'medium', verbose: 1.5, bta: 3 }, context));
    expect(error.code).toBe('NSS_PLUGIN');
    expect(error.exitCode).toBe(2);
    expect(error.plugin).toBe('fancy');
    expect(error.message).toBe(
      [
        'invalid parameters for placement plugin "fancy": 5 problems',
        '  - parameter "rounds": expected an integer > 0 (it is required), found nothing',
        '  - unknown parameter "bta" (value 3); accepted parameters: alpha, rounds, mode, verbose',
        '  - parameter "alpha": expected a number in [0, 1], found "abc"',
        '  - parameter "mode": expected one of "fast", "slow", found "medium"',
        '  - parameter "verbose": expected a boolean, found 1.5',
      ].join('\n'),
    );
    expect(error.problems.map((p) => p.parameter)).toEqual(['rounds', 'bta', 'alpha', 'mode', 'verbose']);
  });

  it('reports a value out of range with the range', () => {
    const error = thrown(() => instantiate(fancy, { alpha: '1.5', rounds: 0 }, context));
    expect(error.problems.map((p) => `${p.parameter}: ${p.expected} / ${p.found}`)).toEqual([
      'alpha: a number in [0, 1] / 1.5',
      'rounds: an integer > 0 / 0',
    ]);
  });

  it('rejects any parameter for a plugin without a schema, and non-object parameters', () => {
    const bare = definePlacement({ name: 'bare', description: 'x', create: () => ({ name: 'bare', place: () => ({ decisions: [] }) }) });
    expect(instantiate(bare, undefined, context).name).toBe('bare');
    expect(thrown(() => instantiate(bare, { x: 1 }, context)).message).toContain(
      'unknown parameter "x" (value 1); this plugin takes no parameters',
    );
    expect(thrown(() => instantiate(bare, [1, 2], context)).message).toContain('parameters: expected an object of named parameters, found [1,2]');
  });

  it('accepts unlisted parameters when the schema allows them', () => {
    const open = definePlacement({
      name: 'open',
      description: 'x',
      parameters: { type: 'object', additionalProperties: true },
      create: (params: Record<string, unknown>) => ({ name: String(params['anything']), place: () => ({ decisions: [] }) }),
    });
    expect(instantiate(open, { anything: 'goes' }, context).name).toBe('goes');
  });

  it('wraps an exception thrown by create in a PluginError naming the plugin', () => {
    const boom = definePlacement({
      name: 'boom',
      description: 'x',
      create: () => {
        throw new Error('no solver');
      },
    });
    expect(() => instantiate(boom, {}, context)).toThrow('placement plugin "boom" failed to start: no solver');
  });
});

describe('parameter problems as configuration issues', () => {
  it('locates each problem in the configuration file', () => {
    const error = thrown(() => instantiate(fancy, { rounds: -1 }, context));
    expect(error.toConfigIssues('scenario.json', '/placement/parameters')).toEqual([
      { file: 'scenario.json', path: '/placement/parameters/rounds', expected: 'an integer > 0', found: '-1', severity: 'error' },
    ]);
  });

  it('checkParameters reports without throwing', () => {
    expect(checkParameters(fancy, { rounds: 1 })).toEqual({ ok: true, params: { rounds: 1, alpha: 0.5, mode: 'fast', verbose: false } });
    const result = checkParameters(fancy, {});
    expect(result.ok).toBe(false);
  });

  it('describes schemas in words', () => {
    expect(describeSchema({ type: 'number', minimum: 0 })).toBe('a number >= 0');
    expect(describeSchema({ type: 'array', items: { type: 'string' }, minItems: 1 })).toBe('a list of at least 1 item, each a string');
    expect(describeSchema({ anyOf: [{ type: 'number' }, { type: 'object' }] })).toBe('a number or an object');
  });
});

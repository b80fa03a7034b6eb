import { definePlacement } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import type { Output } from './output.js';
import { STANDARD_PLUGINS, createStandardRegistry } from './standard-plugins.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), errStream: { write: () => true } };
}

describe('main (in-process)', () => {
  it('returns the exit code instead of exiting, and writes to the given output', async () => {
    const output = capture();
    expect(await main(['node', 'nss', 'plugins'], { output })).toBe(0);
    expect(output.stdout.join('\n')).toContain('greedy (aliases: GreedyPlacement');
    expect(await main(['node', 'nss', 'run', '--rounds', 'x'], { output })).toBe(2);
    expect(output.stderr.join('\n')).toContain("option '--rounds <n>' argument 'x' is invalid");
  });

  it('uses the registry it is given', async () => {
    const registry = createStandardRegistry().register(
      definePlacement({
        name: 'first-fit',
        aliases: ['FirstFit'],
        description: 'Places every VNF on the first node that can host it.',
        create: () => ({ name: 'first-fit', place: () => ({ decisions: [] }) }),
      }),
    );
    const output = capture();
    expect(await main(['node', 'nss', 'plugins', '--json'], { output, registry })).toBe(0);
    const plugins = JSON.parse(output.stdout.join('\n')) as { kind: string; name: string }[];
    const placements = plugins.filter((p) => p.kind === 'placement').map((p) => p.name);
    expect(placements[0]).toBe('greedy');
    expect(placements.at(-1)).toBe('first-fit'); // after the standard ones, in registration order
  });
});

describe('createStandardRegistry', () => {
  it('knows the standard plugins by name and alias, in a new registry each time', () => {
    const registry = createStandardRegistry();
    expect(registry.get('placement', 'greedy')).toBe(STANDARD_PLUGINS[0]);
    expect(registry.get('placement', 'GreedyPlacement')).toBe(STANDARD_PLUGINS[0]);
    const basicCpu = registry.get('scaling', 'basic-cpu');
    expect(basicCpu).toBeDefined();
    expect(registry.get('scaling', 'BasicCPUScaling')).toBe(basicCpu);
    expect(createStandardRegistry()).not.toBe(registry);
  });
});

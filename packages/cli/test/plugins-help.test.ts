import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, nss, readJson } from './helpers.js';

beforeAll(assertBuilt);

describe('nss plugins', () => {
  it('lists greedy under placement with its aliases, description and parameters', async () => {
    const r = await nss(['plugins']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^placement\n {2}greedy \(aliases: GreedyPlacement, @nss\/placement-greedy\)$/m);
    expect(r.stdout).toContain('Most free CPU per hop');
    expect(r.stdout).toMatch(/shareSfcInstances\s+│\s+a boolean\s+│\s+true/);
    // basic-cpu (registered since @nss/scaling-basic-cpu) is listed under scaling.
    const scaling = r.stdout.search(/^scaling$/m);
    expect(scaling).toBeGreaterThan(0);
    expect(r.stdout.slice(scaling)).toMatch(/^ {2}basic-cpu \(aliases: BasicCPUScaling, @nss\/scaling-basic-cpu\)$/m);
  });

  it('prints JSON with --json', async () => {
    const r = await nss(['plugins', '--json']);
    expect(r.code).toBe(0);
    const plugins = JSON.parse(r.stdout) as { kind: string; name: string; aliases: string[]; parameters: { name: string; default: unknown }[] }[];
    const greedy = plugins.find((p) => p.name === 'greedy');
    expect(greedy).toMatchObject({ kind: 'placement', aliases: ['GreedyPlacement', '@nss/placement-greedy'] });
    expect(greedy?.parameters).toEqual([expect.objectContaining({ name: 'shareSfcInstances', default: true })]);
  });

  it('shows the effective default of parameters defaulted only when neither they nor their synonym is given', async () => {
    const r = await nss(['plugins', '--json']);
    const plugins = JSON.parse(r.stdout) as { name: string; parameters: { name: string; default: unknown }[] }[];
    const basic = plugins.find((p) => p.name === 'basic-cpu')!;
    const defaults = Object.fromEntries(basic.parameters.map((p) => [p.name, p.default]));
    // The code names and the README synonyms share the effective default (model-spec §8.2, §8.8).
    expect(defaults).toMatchObject({
      cpu_load_max: 1,
      cpu_usage_max: 1,
      cpu_load_min: 0.7,
      cpu_usage_min: 0.7,
      resource_increment: 0.1,
      cpu_increment: 0.1,
      resource_decrement: 0.1,
      cpu_decrement: 0.1,
    });
    const text = await nss(['plugins']);
    const row = text.stdout.split('\n').find((l) => /│ cpu_usage_min\s+│/.test(l))!;
    expect(row.split('│').map((c) => c.trim())).toContain('0.7');
  });

  it('lists every scaling under its name and the reference class names', async () => {
    const r = await nss(['plugins', '--json']);
    const plugins = JSON.parse(r.stdout) as { kind: string; name: string; aliases: string[] }[];
    const scaling = Object.fromEntries(plugins.filter((p) => p.kind === 'scaling').map((p) => [p.name, p.aliases]));
    expect(scaling['basic-cpu']).toContain('BasicCPUScaling');
    expect(scaling['smart-vertical-up']).toContain('SmartVerticalScalingUp');
    expect(scaling['tcp-vertical-up']).toContain('TCPInspiredVerticalScalingUp');
    expect(scaling['smart-vertical-down']).toContain('SmartVerticalScalingDown');
    expect(scaling.elastic).toEqual(['ElasticScaling', '@nss/scaling-elastic']);
  });
});

describe('nss --help and --version', () => {
  it('lists the commands and the exit codes', async () => {
    const r = await nss(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['validate', 'generate', 'run', 'plugins']) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.stdout).toContain('Exit codes: 0 success');
  });

  const options: Record<string, string[]> = {
    validate: ['--specs <file>', '--params <file>'],
    generate: ['--specs <file>', '--params <file>', '--seed <n>', '--save <file>', '--import-reference <file>', '--users-on-one-ran-node'],
    run: [
      '--specs <file>', '--params <file>', '--out <dir>', '--seed <n>', '--rounds <n>', '--flow <file>', '--mobility <file>',
      '--load <file>', '--placement <name>', '--scaling <name>', '--quiet', '--quirks <profile>',
    ],
    plugins: ['--json'],
  };
  for (const [command, flags] of Object.entries(options)) {
    it(`documents every option of ${command}`, async () => {
      const r = await nss([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: nss ${command} [options]`);
      for (const flag of flags) expect(r.stdout).toContain(flag);
    });
  }

  it('prints the package version', async () => {
    const r = await nss(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(readJson<{ version: string }>(new URL('../package.json', import.meta.url).pathname).version);
  });

  it('treats an unknown command or option as a usage error (exit 2)', async () => {
    const command = await nss(['simulate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("nss: unknown command 'simulate'");
    const option = await nss(['plugins', '--yaml']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("nss: unknown option '--yaml'");
  });
});

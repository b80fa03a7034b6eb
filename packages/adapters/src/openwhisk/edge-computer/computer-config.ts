/**
 * Configuration of a simulated edge computer (serverless-on-edge seed §3.3): processors and the
 * containers that run one lambda each, with the built-in `raspberry` and `intel-server` set-ups, the
 * seed's `--conf` strings and its JSON `file` format.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, InputFileError, type ConfigIssue } from '@nss/core';

/** A processor: `speed` operations per second **per core**, `cores`, `memory` bytes. */
export interface ProcessorSpec {
  /** Unique name, e.g. `arm`. */
  name: string;
  /** `GenericCpu` or `GenericGpu` (informational). */
  type: 'GenericCpu' | 'GenericGpu';
  /** Operations per second per core (> 0). */
  speed: number;
  /** Number of cores (integer ≥ 1). */
  cores: number;
  /** Memory in bytes (≥ 0). */
  memory: number;
}

/**
 * A lambda's "proportional" requirements: `ops = round(opOffset + opCoeff · bytes)`, `mem =
 * round(memOffset + memCoeff · bytes)` (both clamped at ≥ 0), and its output: a copy of the input or a
 * fixed value.
 */
export interface LambdaSpec {
  /** Lambda name, e.g. `clambda0`. */
  name: string;
  /** `copy-input` (output = input) or `fixed` (output = `outputValue`). */
  outputType: 'copy-input' | 'fixed';
  /** Output of a `fixed` lambda. Default `''`. */
  outputValue?: string;
  /** Operations per input byte. */
  opCoeff: number;
  /** Operations per invocation. */
  opOffset: number;
  /** Memory bytes per input byte. */
  memCoeff: number;
  /** Memory bytes per invocation. */
  memOffset: number;
}

/** A container: runs `lambda` on `processor` with `numWorkers` concurrent workers. */
export interface ContainerSpec {
  /** Unique name, e.g. `ccontainer0`. */
  name: string;
  /** Name of the processor it runs on. */
  processor: string;
  /** Concurrent executions (integer ≥ 1). */
  numWorkers: number;
  /** The lambda it serves (one container per lambda name). */
  lambda: LambdaSpec;
}

/** A whole computer. */
export interface EdgeComputerConfig {
  /** Its processors. */
  processors: ProcessorSpec[];
  /** Its containers. */
  containers: ContainerSpec[];
}

/** Options of {@link raspberryConfig} (the seed's defaults). */
export interface RaspberryOptions {
  /** `clambdaK` containers on `arm`. Default 1. */
  numCpuContainers?: number;
  /** Workers per CPU container. Default 4. */
  numCpuWorkers?: number;
  /** `glambdaK` containers on `bm2837`. Default 1. */
  numGpuContainers?: number;
  /** Workers per GPU container. Default 2. */
  numGpuWorkers?: number;
}

const GIB = 1024 * 1024 * 1024;

/**
 * The seed's `raspberry` computer: `arm` (GenericCpu, 1e11 ops/s, 4 cores, 0.5 GiB) running
 * `clambdaK` (op-coeff 1e6, op-offset 4e6, mem-coeff 100) and `bm2837` (GenericGpu, 1e11 ops/s, 1
 * core, 0.5 GiB) running `glambdaK` (op-coeff 1e6, op-offset 1e6, mem-coeff 100).
 */
export function raspberryConfig(options: RaspberryOptions = {}): EdgeComputerConfig {
  const cpu = count(options.numCpuContainers ?? 1, 'numCpuContainers', 0);
  const cpuWorkers = count(options.numCpuWorkers ?? 4, 'numCpuWorkers', 1);
  const gpu = count(options.numGpuContainers ?? 1, 'numGpuContainers', 0);
  const gpuWorkers = count(options.numGpuWorkers ?? 2, 'numGpuWorkers', 1);
  const containers: ContainerSpec[] = [];
  for (let k = 0; k < cpu; k++) {
    containers.push({ name: `ccontainer${k}`, processor: 'arm', numWorkers: cpuWorkers, lambda: proportional(`clambda${k}`, 1e6, 4e6) });
  }
  for (let k = 0; k < gpu; k++) {
    containers.push({ name: `gcontainer${k}`, processor: 'bm2837', numWorkers: gpuWorkers, lambda: proportional(`glambda${k}`, 1e6, 1e6) });
  }
  return {
    processors: [
      { name: 'arm', type: 'GenericCpu', speed: 1e11, cores: 4, memory: GIB / 2 },
      { name: 'bm2837', type: 'GenericGpu', speed: 1e11, cores: 1, memory: GIB / 2 },
    ],
    containers,
  };
}

/** Options of {@link intelServerConfig}. */
export interface IntelServerOptions {
  /** `clambdaK` containers. Default 1. */
  numContainers?: number;
  /** Workers per container. Default 20 (one per core; the seed leaves it to the command line). */
  numWorkers?: number;
}

/** The seed's `intel-server` computer: `xeon` (GenericCpu, 4e9 ops/s, 20 cores, 128 GiB) running `clambdaK` (1e6, 4e6, 100, 0). */
export function intelServerConfig(options: IntelServerOptions = {}): EdgeComputerConfig {
  const n = count(options.numContainers ?? 1, 'numContainers', 1);
  const workers = count(options.numWorkers ?? 20, 'numWorkers', 1);
  const containers: ContainerSpec[] = [];
  for (let k = 0; k < n; k++) {
    containers.push({ name: `ccontainer${k}`, processor: 'xeon', numWorkers: workers, lambda: proportional(`clambda${k}`, 1e6, 4e6) });
  }
  return { processors: [{ name: 'xeon', type: 'GenericCpu', speed: 4e9, cores: 20, memory: 128 * GIB }], containers };
}

/**
 * A configuration from the seed's `--conf` string: `type=raspberry[,num-cpu-containers=N,
 * num-cpu-workers=N,num-gpu-containers=N,num-gpu-workers=N]`, `type=intel-server[,num-containers=N,
 * num-workers=N]` or `type=file,path=<json>`.
 * @throws RangeError naming the unknown type or key, or the bad value.
 */
export function computerConfigFromConf(conf: string): EdgeComputerConfig {
  const fields = new Map<string, string>();
  for (const part of conf.split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new RangeError(`edge computer conf: "${part}" is not key=value (in "${conf}")`);
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const type = fields.get('type') ?? 'raspberry';
  fields.delete('type');
  const take = (key: string): number | undefined => {
    const text = fields.get(key);
    fields.delete(key);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n)) throw new RangeError(`edge computer conf: ${key}=${text} is not an integer`);
    return n;
  };
  let config: EdgeComputerConfig;
  if (type === 'raspberry') {
    config = raspberryConfig({
      numCpuContainers: take('num-cpu-containers'),
      numCpuWorkers: take('num-cpu-workers'),
      numGpuContainers: take('num-gpu-containers'),
      numGpuWorkers: take('num-gpu-workers'),
    });
  } else if (type === 'intel-server') {
    config = intelServerConfig({ numContainers: take('num-containers'), numWorkers: take('num-workers') });
  } else if (type === 'file') {
    const path = fields.get('path');
    fields.delete('path');
    if (path === undefined) throw new RangeError('edge computer conf: type=file needs path=<json file>');
    config = loadComputerConfig(path);
  } else {
    throw new RangeError(`edge computer conf: unknown type "${type}"; use raspberry, intel-server or file`);
  }
  if (fields.size > 0) throw new RangeError(`edge computer conf: unknown key(s) ${[...fields.keys()].join(', ')} for type=${type}`);
  return config;
}

/** Reads a computer from the seed's JSON file format (see {@link parseComputerConfig}). */
export function loadComputerConfig(path: string): EdgeComputerConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(path, `cannot read the edge computer file: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(path, `not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseComputerConfig(json, path);
}

/**
 * Checks and converts the seed's JSON format: `{"version":"1.0","processors":[{name,type,speed,cores,
 * memory}],"containers":[{name,processor,num-workers,lambda:{name,output-type,requirements:
 * "proportional",op-coeff,op-offset,mem-coeff,mem-offset[,output-value]}}]}`.
 * @throws ConfigError listing every problem with its JSON path.
 */
export function parseComputerConfig(json: unknown, file = '<edge computer>'): EdgeComputerConfig {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, expected: string, found: unknown): void => {
    issues.push({ file, path, expected, found: JSON.stringify(found) ?? 'undefined', severity: 'error' });
  };
  const obj = (value: unknown, path: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issue(path, 'an object', value);
      return {};
    }
    return value as Record<string, unknown>;
  };
  const num = (o: Record<string, unknown>, key: string, path: string, check: (n: number) => boolean, expected: string): number => {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) issue(`${path}/${key}`, expected, v);
    return typeof v === 'number' ? v : 0;
  };
  const str = (o: Record<string, unknown>, key: string, path: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v === '') issue(`${path}/${key}`, 'a non-empty string', v);
    return typeof v === 'string' ? v : '';
  };
  const root = obj(json, '');
  if (root.version !== '1.0') issue('/version', '"1.0"', root.version);
  const processors: ProcessorSpec[] = [];
  const rawProcessors = Array.isArray(root.processors) ? root.processors : (issue('/processors', 'an array of processors', root.processors), []);
  rawProcessors.forEach((raw, i) => {
    const p = obj(raw, `/processors/${i}`);
    const path = `/processors/${i}`;
    const type = p.type;
    if (type !== 'GenericCpu' && type !== 'GenericGpu') issue(`${path}/type`, '"GenericCpu" or "GenericGpu"', type);
    const name = str(p, 'name', path);
    if (processors.some((q) => q.name === name)) issue(`${path}/name`, 'a name not used by another processor', name);
    processors.push({
      name,
      type: type === 'GenericGpu' ? 'GenericGpu' : 'GenericCpu',
      speed: num(p, 'speed', path, (n) => n > 0, 'operations per second per core, > 0'),
      cores: num(p, 'cores', path, (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1'),
      memory: num(p, 'memory', path, (n) => n >= 0, 'bytes, ≥ 0'),
    });
  });
  const containers: ContainerSpec[] = [];
  const rawContainers = Array.isArray(root.containers) ? root.containers : (issue('/containers', 'an array of containers', root.containers), []);
  rawContainers.forEach((raw, i) => {
    const path = `/containers/${i}`;
    const c = obj(raw, path);
    const processor = str(c, 'processor', path);
    if (processor !== '' && !processors.some((p) => p.name === processor)) {
      issue(`${path}/processor`, `one of the processors (${processors.map((p) => p.name).join(', ')})`, processor);
    }
    const l = obj(c.lambda, `${path}/lambda`);
    const lpath = `${path}/lambda`;
    if (l.requirements !== 'proportional') issue(`${lpath}/requirements`, '"proportional"', l.requirements);
    const outputType = l['output-type'];
    if (outputType !== 'copy-input' && outputType !== 'fixed') issue(`${lpath}/output-type`, '"copy-input" or "fixed"', outputType);
    const lambdaName = str(l, 'name', lpath);
    if (containers.some((k) => k.lambda.name === lambdaName)) issue(`${lpath}/name`, 'one container per lambda name', lambdaName);
    const any = (n: number): boolean => Number.isFinite(n);
    containers.push({
      name: str(c, 'name', path),
      processor,
      numWorkers: num(c, 'num-workers', path, (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1'),
      lambda: {
        name: lambdaName,
        outputType: outputType === 'fixed' ? 'fixed' : 'copy-input',
        ...(typeof l['output-value'] === 'string' ? { outputValue: l['output-value'] } : {}),
        opCoeff: num(l, 'op-coeff', lpath, any, 'a number'),
        opOffset: num(l, 'op-offset', lpath, any, 'a number'),
        memCoeff: num(l, 'mem-coeff', lpath, any, 'a number'),
        memOffset: num(l, 'mem-offset', lpath, any, 'a number'),
      },
    });
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return { processors, containers };
}

/** The JSON file format of a configuration (the inverse of {@link parseComputerConfig}). */
export function computerConfigToJson(config: EdgeComputerConfig): unknown {
  return {
    version: '1.0',
    processors: config.processors.map((p) => ({ ...p })),
    containers: config.containers.map((c) => ({
      name: c.name,
      processor: c.processor,
      'num-workers': c.numWorkers,
      lambda: {
        name: c.lambda.name,
        'output-type': c.lambda.outputType,
        ...(c.lambda.outputValue === undefined ? {} : { 'output-value': c.lambda.outputValue }),
        requirements: 'proportional',
        'op-coeff': c.lambda.opCoeff,
        'op-offset': c.lambda.opOffset,
        'mem-coeff': c.lambda.memCoeff,
        'mem-offset': c.lambda.memOffset,
      },
    })),
  };
}

function proportional(name: string, opCoeff: number, opOffset: number): LambdaSpec {
  return { name, outputType: 'copy-input', opCoeff, opOffset, memCoeff: 100, memOffset: 0 };
}

function count(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`edge computer option ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

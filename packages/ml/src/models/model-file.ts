import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ModelFileError } from '../errors.js';
import { Model, type Estimator, type ModelInfo, type ModelKind } from './model.js';

/** Value of the `format` field of every model file. */
export const MODEL_FORMAT = 'nss-ml-model';

/** Current model-file version; files of another version are refused with a {@link ModelFileError}. */
export const MODEL_FORMAT_VERSION = 1;

/** The JSON document of a model file. */
export interface ModelDocument {
  /** Always {@link MODEL_FORMAT}. */
  format: typeof MODEL_FORMAT;
  /** {@link MODEL_FORMAT_VERSION} when written. */
  version: number;
  /** What the model does. */
  kind: ModelKind;
  /** Feature names in `predict` order. */
  featureNames: string[];
  /** The learner and its state. */
  estimator: Estimator;
  /** Kind-specific facts. */
  info: ModelInfo;
  /** ISO time the file was written. */
  savedAt: string;
}

const KINDS: readonly ModelKind[] = ['forecaster', 'failure-classifier', 'classifier', 'regressor', 'kmeans'];
const ALGORITHMS = ['gbm', 'ridge', 'logistic', 'kmeans'];

/** The JSON document of a model (what {@link saveModel} writes). */
export function modelToDocument(model: Model): ModelDocument {
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    kind: model.kind,
    featureNames: [...model.featureNames],
    estimator: model.estimator,
    info: model.info,
    savedAt: new Date().toISOString(),
  };
}

/**
 * Rebuilds a model from a parsed document, checking format, version, kind and shape.
 * @param doc - Parsed JSON.
 * @param file - Name used in errors.
 * @param expectedKind - If given, a model of another kind is refused.
 */
export function modelFromDocument(doc: unknown, file = '<memory>', expectedKind?: ModelKind): Model {
  const fail = (reason: string): never => {
    throw new ModelFileError(file, reason);
  };
  if (typeof doc !== 'object' || doc === null) fail('not a model file (the JSON is not an object)');
  const d = doc as Partial<ModelDocument>;
  if (d.format !== MODEL_FORMAT) fail(`not a model file (format is ${JSON.stringify(d.format)}, expected "${MODEL_FORMAT}")`);
  if (d.version !== MODEL_FORMAT_VERSION) {
    fail(`model file version ${JSON.stringify(d.version)} is not supported (this @nss/ml reads version ${MODEL_FORMAT_VERSION}); retrain the model with this version`);
  }
  if (!KINDS.includes(d.kind as ModelKind)) fail(`unknown model kind ${JSON.stringify(d.kind)} (expected one of ${KINDS.join(', ')})`);
  if (expectedKind !== undefined && d.kind !== expectedKind) fail(`this is a ${d.kind} model, a ${expectedKind} model is needed`);
  if (!Array.isArray(d.featureNames) || !d.featureNames.every((n) => typeof n === 'string')) fail('featureNames must be an array of strings');
  const e = d.estimator as Estimator | undefined;
  if (typeof e !== 'object' || e === null || !ALGORITHMS.includes(e.algorithm) || typeof e.state !== 'object' || e.state === null) {
    fail(`the estimator is missing or of an unknown algorithm (expected one of ${ALGORITHMS.join(', ')})`);
  }
  const est = e as Estimator;
  const nf = (d.featureNames as string[]).length;
  const shapeOk = (() => {
    switch (est.algorithm) {
      case 'ridge':
      case 'logistic':
        return Array.isArray(est.state.coefficients) && est.state.coefficients.length === nf && typeof est.state.intercept === 'number';
      case 'kmeans':
        return Array.isArray(est.state.centroids) && est.state.centroids.length > 0 && est.state.centroids.every((c) => Array.isArray(c) && c.length === nf);
      case 'gbm':
        return (
          est.state.featureCount === nf &&
          Array.isArray(est.state.trees) &&
          Array.isArray(est.state.base) &&
          est.state.trees.every((t) => Array.isArray(t.feature) && t.feature.every((f) => f < nf) && t.feature.length === t.value.length)
        );
    }
  })();
  if (!shapeOk) fail(`the ${est.algorithm} state does not match the ${nf} features (corrupt or hand-edited file)`);
  return new Model(d.kind as ModelKind, d.featureNames as string[], est, (d.info ?? {}) as ModelInfo);
}

/**
 * Saves a model as versioned JSON, atomically: written to a temporary file beside `path`, then renamed
 * over it, so a reader (e.g. a serving process reloading on change) never sees a partial file.
 */
export function saveModel(model: Model, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(modelToDocument(model)));
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing written */
    }
    throw new ModelFileError(path, `cannot write the model (${(e as Error).message})`, { cause: e });
  }
}

/**
 * Loads a model file. Throws {@link ModelFileError} naming the file and the reason when it is missing,
 * not JSON, of another format version, of another kind than `expectedKind`, or inconsistent.
 */
export function loadModel(path: string, expectedKind?: ModelKind): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ModelFileError(path, `cannot read the model file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ModelFileError(path, `corrupt model file: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  return modelFromDocument(doc, path, expectedKind);
}

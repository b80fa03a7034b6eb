import { MlDataError } from '../errors.js';
import { SeededRandom } from '../rng.js';
import { binFeatures, type BinnedFeatures } from './binning.js';

/**
 * Histogram-based gradient-boosted decision trees on typed arrays (the approach of LightGBM and
 * scikit-learn's HistGradientBoosting): features binned to ≤ 256 bins in a `Uint8Array`; per node,
 * gradient/hessian/count histograms; the smaller child's histogram is built by a scan and the larger
 * one by subtraction from the parent; trees grow depth-first up to `maxDepth`.
 */

/** Loss being minimised: squared error (regression), logistic (two classes), softmax (K classes). */
export type BoostingLoss = 'squared' | 'logistic' | 'softmax';

/** Hyper-parameters of {@link trainGradientBoosting}. */
export interface GradientBoostingOptions {
  /** Loss. Default `squared`. */
  readonly loss?: BoostingLoss;
  /** Number of classes for `softmax` (labels 0..K−1). */
  readonly classCount?: number;
  /** Boosting rounds. Default 100. */
  readonly trees?: number;
  /** Shrinkage applied to each tree. Default 0.1. */
  readonly learningRate?: number;
  /** Maximum depth of a tree. Default 6. */
  readonly maxDepth?: number;
  /** Minimum number of rows in a leaf. Default 20. */
  readonly minSamplesLeaf?: number;
  /** L2 regularisation of leaf values. Default 1. */
  readonly l2?: number;
  /** Maximum number of bins per feature (≤ 256). Default 256. */
  readonly maxBins?: number;
  /** Fraction of rows each tree is grown on (stochastic boosting). Default 1. */
  readonly subsample?: number;
  /** Seed of the row subsampling. Default 1. */
  readonly seed?: number;
  /** Per-row weights (e.g. balanced class weights); default all 1. */
  readonly sampleWeights?: Float64Array;
}

/** One tree as flat arrays; a node with `feature = -1` is a leaf holding `value`. */
export interface BoostedTree {
  /** Split feature per node, −1 for a leaf. */
  feature: number[];
  /** Split threshold per node: `x[feature] <= threshold` goes left. */
  threshold: number[];
  /** Left child per node (−1 for a leaf). */
  left: number[];
  /** Right child per node (−1 for a leaf). */
  right: number[];
  /** Leaf value (already multiplied by the learning rate); 0 for inner nodes. */
  value: number[];
}

/** A trained ensemble, JSON-serialisable. */
export interface GradientBoostingState {
  /** Loss it was trained with. */
  loss: BoostingLoss;
  /** Number of outputs: 1, or K for softmax. */
  outputs: number;
  /** Feature count expected by {@link predictRaw}. */
  featureCount: number;
  /** Initial raw score per output. */
  base: number[];
  /** Trees, round-major: tree `r * outputs + k` adds to output k. */
  trees: BoostedTree[];
}


/** Reusable histogram buffers. */
class HistogramPool {
  private readonly free: Float64Array[] = [];
  constructor(private readonly size: number) {}
  take(): Float64Array {
    const h = this.free.pop();
    if (h === undefined) return new Float64Array(this.size);
    h.fill(0);
    return h;
  }
  give(h: Float64Array): void {
    this.free.push(h);
  }
}

interface PendingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  /** Histogram of the node, or null for a node that will be a leaf (only its sums are needed). */
  hist: Float64Array | null;
}

/** Sum of gradients and hessians over idx[start, end) (hessian 1 per row when `hess` is undefined). */
function segmentSums(grad: Float64Array, hess: Float64Array | undefined, idx: Uint32Array, start: number, end: number): [number, number] {
  let g = 0;
  let h = 0;
  for (let k = start; k < end; k++) {
    const i = idx[k];
    g += grad[i];
    h += hess === undefined ? 1 : hess[i];
  }
  return [g, h];
}

/** Builds the histogram of rows `idx[start, end)`. */
function fillHistogram(
  hist: Float64Array,
  b: BinnedFeatures,
  grad: Float64Array,
  hess: Float64Array | undefined,
  idx: Uint32Array,
  start: number,
  end: number,
): void {
  const d = b.featureCount;
  const bins = b.bins;
  if (hess === undefined) {
    // Unit hessian (squared loss, unweighted): cells [gradient, count].
    for (let k = start; k < end; k++) {
      const i = idx[k];
      const g = grad[i];
      let base = i * d;
      for (let o = 0; o < d * 512; o += 512) {
        const c = o + (bins[base++] << 1);
        hist[c] += g;
        hist[c + 1] += 1;
      }
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const i = idx[k];
    const g = grad[i];
    const h = hess[i];
    let base = i * d;
    for (let o = 0; o < d * 768; o += 768) {
      const c = o + bins[base++] * 3;
      hist[c] += g;
      hist[c + 1] += 1;
      hist[c + 2] += h;
    }
  }
}

/** Grows one tree on the rows `idx[0, count)`; returns it and the split bins (for fast in-sample prediction). */
function growTree(
  b: BinnedFeatures,
  grad: Float64Array,
  hess: Float64Array | undefined,
  idx: Uint32Array,
  count: number,
  pool: HistogramPool,
  scratch: Uint32Array,
  o: Required<Pick<GradientBoostingOptions, 'maxDepth' | 'minSamplesLeaf' | 'l2' | 'learningRate'>>,
): { tree: BoostedTree; splitBin: number[]; leaves: number[] } {
  const leaves: number[] = []; // node ids of leaves, with their segment of idx: [id, start, end, …]
  const tree: BoostedTree = { feature: [0], threshold: [0], left: [-1], right: [-1], value: [0] };
  const splitBin: number[] = [0];
  const d = b.featureCount;
  const lambda = o.l2;
  const CELLS = hess === undefined ? 2 : 3;
  const hLane = hess === undefined ? 1 : 2;
  const isTerminal = (depth: number, rows: number): boolean => depth >= o.maxDepth || rows < 2 * o.minSamplesLeaf;
  const root = pool.take();
  fillHistogram(root, b, grad, hess, idx, 0, count);
  const stack: PendingNode[] = [{ id: 0, start: 0, end: count, depth: 0, hist: root }];
  while (stack.length > 0) {
    const node = stack.pop() as PendingNode;
    const n = node.end - node.start;
    if (node.hist === null) {
      const [g, h] = segmentSums(grad, hess, idx, node.start, node.end);
      tree.feature[node.id] = -1;
      tree.value[node.id] = (-g / (h + lambda)) * o.learningRate;
      leaves.push(node.id, node.start, node.end);
      continue;
    }
    const hist = node.hist;
    let G = 0;
    let H = 0;
    for (let bin = 0; bin < 256; bin++) {
      G += hist[bin * CELLS];
      H += hist[bin * CELLS + hLane];
    }
    const makeLeaf = (): void => {
      tree.feature[node.id] = -1;
      tree.value[node.id] = (-G / (H + lambda)) * o.learningRate;
      leaves.push(node.id, node.start, node.end);
      pool.give(hist);
    };
    if (isTerminal(node.depth, n)) {
      makeLeaf();
      continue;
    }
    const parentScore = (G * G) / (H + lambda);
    let bestGain = 1e-9 * Math.max(1, parentScore);
    let bestF = -1;
    let bestBin = -1;
    for (let f = 0; f < d; f++) {
      const nb = b.edges[f].length + 1;
      if (nb < 2) continue;
      const off = f * 256 * CELLS;
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let bin = 0; bin < nb - 1; bin++) {
        const c = off + bin * CELLS;
        gl += hist[c];
        cl += hist[c + 1];
        hl += hist[c + hLane];
        if (cl < o.minSamplesLeaf) continue;
        if (n - cl < o.minSamplesLeaf) break;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bestF = f;
          bestBin = bin;
        }
      }
    }
    if (bestF < 0) {
      makeLeaf();
      continue;
    }
    // Stable partition of idx[start, end): rows with bin <= bestBin first, each side keeping ascending
    // row order so that histogram scans walk memory forwards (far fewer cache misses than a swap partition).
    const bins = b.bins;
    let lo = node.start;
    let r = 0;
    for (let k = node.start; k < node.end; k++) {
      const i = idx[k];
      if (bins[i * d + bestF] <= bestBin) idx[lo++] = i;
      else scratch[r++] = i;
    }
    idx.set(scratch.subarray(0, r), lo);
    const leftId = tree.feature.length;
    const rightId = leftId + 1;
    for (let k = 0; k < 2; k++) {
      tree.feature.push(0);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      splitBin.push(0);
    }
    tree.feature[node.id] = bestF;
    tree.threshold[node.id] = b.edges[bestF][bestBin];
    tree.left[node.id] = leftId;
    tree.right[node.id] = rightId;
    splitBin[node.id] = bestBin;
    const leftN = lo - node.start;
    const rightN = node.end - lo;
    if (isTerminal(node.depth + 1, leftN) && isTerminal(node.depth + 1, rightN)) {
      // Both children are leaves: no histogram needed, only their sums.
      pool.give(hist);
      stack.push({ id: rightId, start: lo, end: node.end, depth: node.depth + 1, hist: null });
      stack.push({ id: leftId, start: node.start, end: lo, depth: node.depth + 1, hist: null });
      continue;
    }
    const small = pool.take();
    if (leftN <= rightN) fillHistogram(small, b, grad, hess, idx, node.start, lo);
    else fillHistogram(small, b, grad, hess, idx, lo, node.end);
    for (let c = 0; c < hist.length; c++) hist[c] -= small[c]; // parent becomes the larger child
    const leftHist = leftN <= rightN ? small : hist;
    const rightHist = leftN <= rightN ? hist : small;
    stack.push({ id: rightId, start: lo, end: node.end, depth: node.depth + 1, hist: rightHist });
    stack.push({ id: leftId, start: node.start, end: lo, depth: node.depth + 1, hist: leftHist });
  }
  return { tree, splitBin, leaves };
}

/** Adds one tree's output for every training row to `scores` (stride `outputs`, offset `k`), using bins. */
function addTreeBinned(
  tree: BoostedTree,
  splitBin: number[],
  b: BinnedFeatures,
  scores: Float64Array,
  outputs: number,
  k: number,
): void {
  const d = b.featureCount;
  const bins = b.bins;
  for (let i = 0; i < b.rowCount; i++) {
    let node = 0;
    const base = i * d;
    while (tree.feature[node] >= 0) node = bins[base + tree.feature[node]] <= splitBin[node] ? tree.left[node] : tree.right[node];
    scores[i * outputs + k] += tree.value[node];
  }
}

/**
 * Trains a gradient-boosted tree ensemble.
 * @param x - Row-major feature matrix, `x[row * featureCount + feature]`; must be finite.
 * @param y - Targets: values (`squared`), 0/1 (`logistic`) or class indices 0..K−1 (`softmax`).
 * @param featureCount - Number of features per row.
 * @param options - Hyper-parameters.
 */
export function trainGradientBoosting(
  x: Float64Array,
  y: Float64Array,
  featureCount: number,
  options: GradientBoostingOptions = {},
): GradientBoostingState {
  const n = y.length;
  if (n === 0) throw new MlDataError('gradient boosting: no training rows');
  if (x.length !== n * featureCount) throw new MlDataError(`gradient boosting: ${x.length} values for ${n} rows × ${featureCount} features`);
  const loss = options.loss ?? 'squared';
  const outputs = loss === 'softmax' ? (options.classCount ?? 0) : 1;
  if (loss === 'softmax' && outputs < 2) throw new MlDataError('gradient boosting: softmax needs classCount ≥ 2');
  const o = {
    maxDepth: options.maxDepth ?? 6,
    minSamplesLeaf: options.minSamplesLeaf ?? 20,
    l2: options.l2 ?? 1,
    learningRate: options.learningRate ?? 0.1,
  };
  const rounds = options.trees ?? 100;
  const subsample = options.subsample ?? 1;
  const w = options.sampleWeights ?? new Float64Array(n).fill(1);
  const rng = new SeededRandom(options.seed ?? 1);
  const binned = binFeatures(x, n, featureCount, options.maxBins ?? 256);
  const unitHessian = loss === 'squared' && options.sampleWeights === undefined;
  const pool = new HistogramPool(featureCount * 256 * (unitHessian ? 2 : 3));

  // Initial scores.
  const base = new Array<number>(outputs).fill(0);
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += w[i];
  if (loss === 'squared') {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * y[i];
    base[0] = s / wsum;
  } else if (loss === 'logistic') {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * y[i];
    const p = Math.min(1 - 1e-9, Math.max(1e-9, s / wsum));
    base[0] = Math.log(p / (1 - p));
  } else {
    const counts = new Float64Array(outputs);
    for (let i = 0; i < n; i++) counts[y[i]] += w[i];
    for (let k = 0; k < outputs; k++) base[k] = Math.log(Math.max(counts[k], 1e-9) / wsum);
  }
  const scores = new Float64Array(n * outputs);
  for (let i = 0; i < n; i++) for (let k = 0; k < outputs; k++) scores[i * outputs + k] = base[k];

  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const idx = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  const probs = loss === 'softmax' ? new Float64Array(n * outputs) : undefined;
  const trees: BoostedTree[] = [];
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    if (subsample >= 1) {
      for (let i = 0; i < n; i++) idx[i] = i;
      count = n;
    } else {
      for (let i = 0; i < n; i++) if (rng.next() < subsample) idx[count++] = i;
    }
    if (probs !== undefined) {
      for (let i = 0; i < n; i++) {
        let m = -Infinity;
        for (let k = 0; k < outputs; k++) m = Math.max(m, scores[i * outputs + k]);
        let z = 0;
        for (let k = 0; k < outputs; k++) z += probs[i * outputs + k] = Math.exp(scores[i * outputs + k] - m);
        for (let k = 0; k < outputs; k++) probs[i * outputs + k] /= z;
      }
    }
    for (let k = 0; k < outputs; k++) {
      if (loss === 'squared') {
        for (let i = 0; i < n; i++) {
          grad[i] = w[i] * (scores[i] - y[i]);
          hess[i] = w[i];
        }
      } else if (loss === 'logistic') {
        for (let i = 0; i < n; i++) {
          const p = 1 / (1 + Math.exp(-scores[i]));
          grad[i] = w[i] * (p - y[i]);
          hess[i] = w[i] * Math.max(p * (1 - p), 1e-12);
        }
      } else {
        const pr = probs as Float64Array;
        for (let i = 0; i < n; i++) {
          const p = pr[i * outputs + k];
          grad[i] = w[i] * (p - (y[i] === k ? 1 : 0));
          hess[i] = w[i] * Math.max(p * (1 - p), 1e-12);
        }
      }
      const { tree, splitBin, leaves } = growTree(binned, grad, unitHessian ? undefined : hess, idx, count, pool, scratch, o);
      if (count === n) {
        // Every row is in exactly one leaf segment of idx: add the leaf values directly.
        for (let l = 0; l < leaves.length; l += 3) {
          const v = tree.value[leaves[l]];
          for (let q = leaves[l + 1]; q < leaves[l + 2]; q++) scores[idx[q] * outputs + k] += v;
        }
      } else addTreeBinned(tree, splitBin, binned, scores, outputs, k);
      trees.push(tree);
    }
  }
  return { loss, outputs, featureCount, base, trees };
}

/**
 * Raw scores of rows given as a row-major matrix (`x[row * featureCount + feature]`): the regression
 * value (`squared`), the log-odds (`logistic`) or K class scores (`softmax`, `out[row * K + k]`).
 */
export function predictRawMatrix(state: GradientBoostingState, x: Float64Array, rowCount: number): Float64Array {
  const K = state.outputs;
  const d = state.featureCount;
  const out = new Float64Array(rowCount * K);
  for (let i = 0; i < rowCount; i++) for (let k = 0; k < K; k++) out[i * K + k] = state.base[k];
  for (let t = 0; t < state.trees.length; t++) {
    const tree = state.trees[t];
    const feature = tree.feature;
    const threshold = tree.threshold;
    const k = t % K;
    for (let i = 0; i < rowCount; i++) {
      let node = 0;
      const base = i * d;
      while (feature[node] >= 0) node = x[base + feature[node]] <= threshold[node] ? tree.left[node] : tree.right[node];
      out[i * K + k] += tree.value[node];
    }
  }
  return out;
}

/** {@link predictRawMatrix} for rows given as arrays. */
export function predictRaw(state: GradientBoostingState, rows: readonly (readonly number[])[]): Float64Array {
  return predictRawMatrix(state, flattenRows(rows, state.featureCount), rows.length);
}

/** Rows of `d` numbers as one row-major `Float64Array`. */
export function flattenRows(rows: readonly (readonly number[])[], d: number): Float64Array {
  const x = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < d; j++) x[i * d + j] = r[j];
  }
  return x;
}

/** Probabilities from raw scores: P(class 1) for `logistic` (one per row), K per row for `softmax`. */
export function scoresToProbabilities(state: GradientBoostingState, raw: Float64Array): Float64Array {
  if (state.loss === 'logistic') return raw.map((s) => 1 / (1 + Math.exp(-s)));
  const K = state.outputs;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i += K) {
    let m = -Infinity;
    for (let k = 0; k < K; k++) m = Math.max(m, raw[i + k]);
    let z = 0;
    for (let k = 0; k < K; k++) z += out[i + k] = Math.exp(raw[i + k] - m);
    for (let k = 0; k < K; k++) out[i + k] /= z;
  }
  return out;
}

import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** What the server needs of a model: its kind, the features it expects, and batch prediction. */
export interface ServableModel {
  /** `'failure-classifier'`, `'forecaster'`, `'classifier'`, `'regressor'` or `'kmeans'`. */
  readonly kind: string;
  /** Names of the features a row carries, in order. */
  readonly featureNames: readonly string[];
  /** One prediction per row (class index, value or cluster). */
  predict(rows: number[][]): number[];
}

/**
 * Loads a model file (e.g. `@nss/ml`'s `loadModel`) for a role (`failure`, `forecaster`, `classifier`,
 * `regressor`, `kmeans`); throws with the file and the reason when it cannot.
 */
export type ModelLoader = (path: string, role: string) => Promise<ServableModel> | ServableModel;

/** The state of a {@link ModelSlot}, as `GET /models` reports it. */
export interface ModelSlotStatus {
  readonly name: string;
  readonly path: string;
  readonly kind: string | null;
  readonly features: number | null;
  /** Names of the features, in the order rows must give them (`[]` before the first load). */
  readonly featureNames: readonly string[];
  /** When the model now served was loaded (ISO 8601), `null` when none is. */
  readonly loadedAt: string | null;
  /** How many times the file was (re)loaded successfully. */
  readonly loads: number;
  /** The last reload failure (the previous model stays in service), `null` when the last load succeeded. */
  readonly lastError: string | null;
}

/**
 * One served model backed by a file. When `watch` is on, a replacement of the file (a modeler writes a
 * temporary file and renames it over the old one) is picked up without restarting the server: the
 * folder is watched (a rename replaces the inode, so watching the file itself would go deaf), changes
 * are debounced, and a file that fails to load leaves the previous model in service with the error
 * recorded.
 */
export class ModelSlot {
  readonly name: string;
  readonly path: string;
  private readonly loader: ModelLoader;
  private model: ServableModel | null = null;
  private loadedAt: Date | null = null;
  private loads = 0;
  private lastError: string | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastMtime = 0;
  private pending: Promise<void> | null = null;
  private readonly listeners = new Set<(slot: ModelSlot) => void>();

  constructor(name: string, path: string, loader: ModelLoader) {
    this.name = name;
    this.path = resolve(path);
    this.loader = loader;
  }

  /** Loads the file now; rejects (and keeps any previous model) when it cannot be loaded. */
  async load(): Promise<void> {
    try {
      const model = await this.loader(this.path, this.name);
      this.model = model;
      this.loadedAt = new Date();
      this.loads++;
      this.lastError = null;
      try {
        this.lastMtime = statSync(this.path).mtimeMs;
      } catch {
        // The file vanished right after loading: keep the model, a later change reloads it.
      }
      for (const listener of this.listeners) listener(this);
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /** The model in service, or `null` before the first successful load. */
  current(): ServableModel | null {
    return this.model;
  }

  /** Calls `listener` after every successful (re)load; returns a function removing it. */
  onReload(listener: (slot: ModelSlot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts watching the file's folder for replacements (debounced by `debounceMs`). */
  watch(debounceMs = 100): void {
    if (this.watcher !== null) return;
    const file = basename(this.path);
    this.watcher = watch(dirname(this.path), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== file) return;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reloadIfChanged(), debounceMs);
    });
    this.watcher.on('error', (error) => {
      this.lastError = `watching ${dirname(this.path)} failed: ${error.message}`;
    });
  }

  /** Waits for a reload the watcher started (tests and graceful shutdown). */
  async settled(): Promise<void> {
    while (this.pending !== null) await this.pending;
  }

  private reloadIfChanged(): void {
    this.timer = null;
    let mtime: number;
    try {
      mtime = statSync(this.path).mtimeMs;
    } catch {
      return; // Between unlink and rename: the rename fires another event.
    }
    if (mtime === this.lastMtime && this.model !== null) return;
    const run = this.load()
      .catch(() => undefined)
      .finally(() => {
        if (this.pending === run) this.pending = null;
      });
    this.pending = run;
  }

  /** Stops watching. */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }

  /** What `GET /models` shows. */
  status(): ModelSlotStatus {
    return {
      name: this.name,
      path: this.path,
      kind: this.model?.kind ?? null,
      features: this.model?.featureNames.length ?? null,
      featureNames: [...(this.model?.featureNames ?? [])],
      loadedAt: this.loadedAt?.toISOString() ?? null,
      loads: this.loads,
      lastError: this.lastError,
    };
  }
}

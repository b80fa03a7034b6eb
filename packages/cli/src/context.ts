/**
 * What every command receives: where to write, the plugin registry, and a place to leave its exit code.
 */
import type { PluginRegistry } from '@nss/core';
import type { Output } from './output.js';

/** The state of one `nss` invocation shared by its commands. */
export interface CliContext {
  /** Where results and diagnostics go. */
  readonly output: Output;
  /** The plugins known by name (the standard ones, unless the embedder passed another registry). */
  readonly registry: PluginRegistry;
  /** The exit code the command chose (0 unless it sets another). */
  exitCode: number;
}

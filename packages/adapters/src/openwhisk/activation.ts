/**
 * The JSON shapes of OpenWhisk's REST API that the client reads and the emulator writes: activation
 * records (`GET /activations/{id}`, blocking invocations without `result=true`) and action summaries
 * (`GET /actions`).
 */

/** A `{key, value}` pair, as OpenWhisk stores annotations and parameters. */
export interface KeyValue {
  /** Annotation or parameter name. */
  key: string;
  /** Its value (any JSON). */
  value: unknown;
}

/**
 * How an activation ended: `success` (statusCode 0), `application error` (1: the action returned an
 * `error`), `action developer error` (2: it crashed or exceeded its time limit), `whisk internal error` (3).
 */
export type ActivationStatus = 'success' | 'application error' | 'action developer error' | 'whisk internal error';

/** The `response` part of an activation record. */
export interface ActivationResponse {
  /** How the activation ended. */
  status: ActivationStatus;
  /** 0 success, 1 application error, 2 developer error, 3 internal error. */
  statusCode: number;
  /** `true` iff `status` is `success`. */
  success: boolean;
  /** What the action returned (a JSON object; `{error}` on failure). */
  result: Record<string, unknown>;
}

/**
 * An activation record. Times are Unix milliseconds; `duration` = `end - start` includes the
 * initialisation of a cold container. Annotations: `path` (`ns/name`), `kind`, `limits`, `waitTime`
 * (ms queued before start), `initTime` (ms spent initialising; present only on a cold start), `timeout`
 * (`true` when the action exceeded its time limit).
 */
export interface ActivationRecord {
  /** The namespace the activation ran in. */
  namespace: string;
  /** Action name. */
  name: string;
  /** Action version (semver). */
  version: string;
  /** The subject (user) that invoked it. */
  subject: string;
  /** 32 hexadecimal digits. */
  activationId: string;
  /** Start (Unix ms). */
  start: number;
  /** End (Unix ms). */
  end: number;
  /** `end - start` (ms). */
  duration: number;
  /** Outcome and result. */
  response: ActivationResponse;
  /** Log lines. */
  logs: string[];
  /** Annotations (see the interface's description). */
  annotations: KeyValue[];
  /** Whether the action is published. */
  publish: boolean;
}

/** One element of `GET /api/v1/namespaces/{ns}/actions`. */
export interface ActionSummary {
  /** Action name (within its package, if any). */
  name: string;
  /** `ns` or `ns/package`. */
  namespace: string;
  /** Version (semver). */
  version: string;
  /** Last update (Unix ms). */
  updated: number;
  /** Whether the action is published. */
  publish: boolean;
  /** Annotations (`exec` kind, web export...). */
  annotations: KeyValue[];
}

/** The value of annotation `key` of a record, or `undefined`. */
export function annotationValue(record: { annotations?: readonly KeyValue[] }, key: string): unknown {
  return record.annotations?.find((a) => a.key === key)?.value;
}

/** `true` when the activation started a new container: OpenWhisk adds the `initTime` annotation only then. */
export function isColdStart(record: ActivationRecord): boolean {
  return typeof annotationValue(record, 'initTime') === 'number';
}

/** Time the container took to initialise (ms), 0 for a warm start. */
export function initTime(record: ActivationRecord): number {
  const value = annotationValue(record, 'initTime');
  return typeof value === 'number' ? value : 0;
}

/** Time the activation waited before it started (ms, `waitTime` annotation), 0 when absent. */
export function waitTime(record: ActivationRecord): number {
  const value = annotationValue(record, 'waitTime');
  return typeof value === 'number' ? value : 0;
}

/** Checks the fields the client relies on; returns a problem description or `undefined` when the value is a record. */
export function activationRecordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an activation record (a JSON object)';
  const record = value as Record<string, unknown>;
  for (const key of ['activationId', 'name', 'namespace'] as const) {
    if (typeof record[key] !== 'string') return `activation record without a string "${key}"`;
  }
  for (const key of ['start', 'end', 'duration'] as const) {
    if (typeof record[key] !== 'number') return `activation record without a numeric "${key}"`;
  }
  const response = record.response;
  if (typeof response !== 'object' || response === null) return 'activation record without a "response" object';
  if (typeof (response as Record<string, unknown>).success !== 'boolean') return 'activation record without "response.success"';
  return undefined;
}

/**
 * A source of uniform draws in [0, 1): the core's seeded `RandomStream` fits, and so does
 * `{ next: () => 0.25 }` for a fixed draw. Policies that need no randomness never call it.
 */
export interface UniformSource {
  /** A uniform draw in [0, 1). */
  next(): number;
}

/**
 * A network slice: a named group of SFC types whose results are also reported together. The reference
 * gives every SFC instance slice 1; by default \@nss makes one slice per SFC type (`sl_{i}` holding `s_{i}`),
 * and a specs file may group SFC types into slices explicitly with a top-level `slices` list.
 */
export interface Slice {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.slices`. */
  readonly index: number;
  readonly name: string;
  /** SFC type names in this slice. */
  readonly sfcs: readonly string[];
}

/**
 * Per-VNF-instance state of the simulator policies, indexed by the instance's dense `index`: typed
 * arrays that grow (doubling) when a larger index shows up, so that a `select` allocates nothing once
 * the instances are known.
 */
export function grown(array: Float64Array<ArrayBuffer>, index: number, fill: number): Float64Array<ArrayBuffer> {
  if (index < array.length) return array;
  let size = Math.max(8, array.length);
  while (size <= index) size *= 2;
  const next = new Float64Array(size).fill(fill);
  next.set(array);
  return next;
}

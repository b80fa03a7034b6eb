/**
 * The destinations of one key in the order they were added, with their weights: the storage every
 * forwarding policy shares. Subclasses keep per-destination state in arrays parallel to `names`, kept in
 * step by {@link DestinationSlots.onAdded} / {@link DestinationSlots.onRemoved}. Order matters: ties are
 * broken in favour of the destination added first.
 */
export abstract class DestinationSlots {
  /** Destination names, in the order they were added. */
  protected readonly names: string[] = [];
  /** Weights, parallel to `names`. */
  protected readonly weights: number[] = [];

  /** Position of `destination`, or -1. */
  protected slotOf(destination: string): number {
    return this.names.indexOf(destination);
  }

  /** Appends a destination (or updates the weight of a known one) and returns its position. */
  protected put(destination: string, weight: number, now: number): number {
    const i = this.slotOf(destination);
    if (i >= 0) {
      this.weights[i] = weight;
      return i;
    }
    this.names.push(destination);
    this.weights.push(weight);
    this.onAdded(this.names.length - 1, now);
    return this.names.length - 1;
  }

  /** Removes a destination; returns whether it was there. */
  protected drop(destination: string): boolean {
    const i = this.slotOf(destination);
    if (i < 0) return false;
    this.names.splice(i, 1);
    this.weights.splice(i, 1);
    this.onRemoved(i);
    return true;
  }

  /** Called after slot `i` was appended: push the per-destination state. */
  protected onAdded(_i: number, _now: number): void {}

  /** Called after slot `i` was removed: splice the per-destination state. */
  protected onRemoved(_i: number): void {}
}

/** Small wording helpers of the console output. */

/** `1 node`, `3 nodes`: a count with its noun, plural when it is not 1 (add `s`). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

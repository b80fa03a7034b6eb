/**
 * Python's `round(x, digits)` for floats: correctly rounded on the exact binary value, ties to even.
 * The reference rounds location probabilities this way (model-spec §0 `round2`, §2.3).
 */

/**
 * Rounds `x` to `digits` decimals (0 ≤ digits ≤ 20) exactly as Python's `round(x, digits)`:
 * `pythonRound(0.125, 2) === 0.12`, `pythonRound(0.375, 2) === 0.38`, `pythonRound(2.675, 2) === 2.67`
 * (2.675 is stored slightly below 2.675).
 */
export function pythonRound(x: number, digits = 0): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`digits must be an integer in [0, 20], got ${digits}`);
  // toFixed(100) is the exact decimal expansion of every double that can be rounded meaningfully here.
  const [intPart, fracPart] = Math.abs(x).toFixed(100).split('.');
  const kept = fracPart.slice(0, digits);
  const rest = fracPart.slice(digits);
  let roundUp: boolean;
  if (rest[0] > '5') roundUp = true;
  else if (rest[0] < '5') roundUp = false;
  else if (/[1-9]/.test(rest.slice(1))) roundUp = true;
  else roundUp = Number((intPart + kept).slice(-1)) % 2 === 1;
  const scaled = BigInt(intPart + kept) + (roundUp ? 1n : 0n);
  const text = scaled.toString().padStart(digits + 1, '0');
  const value = Number(digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`);
  return x < 0 ? -value : value;
}

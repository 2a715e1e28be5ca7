/**
 * Rescaling by 2^±128 as SciPy's Kolmogorov routines do, so long products of probabilities
 * neither underflow nor overflow; the exponent is tracked separately and applied at the end.
 */

export const SCALE_EXPONENT = 128;
export const SCALE_UP = 2 ** SCALE_EXPONENT;
export const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

/** x·2^exponent (C's ldexp) without overflowing the intermediate power of two. */
export function scaleByPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  let remaining = exponent;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}

export interface Percentiles {
  p50: number
  p95: number
  max: number
  n: number
}

/** Nearest-rank percentiles, in ms rounded to the page clock's 5 µs step. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => Number(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!.toFixed(3))
  return { p50: at(0.5), p95: at(0.95), max: at(1), n: sorted.length }
}

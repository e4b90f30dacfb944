/** A gap between two trace timestamps, e.g. `+12.3 µs`; `seconds` is false for counter clocks. */
export function formatDelta(nanoseconds: bigint, seconds: boolean): string {
  if (!seconds) return `+${nanoseconds} ticks`;
  const value = Number(nanoseconds);
  if (value < 1_000) return `+${value} ns`;
  if (value < 1_000_000) return `+${(value / 1_000).toFixed(1)} µs`;
  if (value < 1_000_000_000) return `+${(value / 1_000_000).toFixed(3)} ms`;
  return `+${(value / 1_000_000_000).toFixed(3)} s`;
}

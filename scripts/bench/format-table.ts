/** One row of the benchmark table. */
export interface BenchRow {
  metric: string;
  value: string;
  /** The target, when the metric has one. */
  target?: string;
  /** Whether the target is met; absent for metrics without a target. */
  pass?: boolean;
}

/** A Markdown table: metric, value, target, result. */
export function formatBenchTable(rows: BenchRow[]): string {
  const lines = ['| Metric | Value | Target | Result |', '| --- | ---: | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.metric} | ${row.value} | ${row.target ?? ''} | ${row.pass === undefined ? '' : row.pass ? 'pass' : '**miss**'} |`);
  return lines.join('\n');
}

export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export const formatBytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * One line of a .config fragment as scripts/kconfig/merge_config.sh reads it: `CONFIG_X=y`,
 * `# CONFIG_X is not set` for n, numbers and hex as they are, anything else as a quoted string.
 */
export function kconfigLine(option: string, value: string | number): string {
  if (value === 'n') return `# ${option} is not set`;
  if (typeof value === 'number' || value === 'y' || value === 'm' || /^(?:-?\d+|0x[0-9a-fA-F]+)$/.test(value)) return `${option}=${value}`;
  return `${option}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

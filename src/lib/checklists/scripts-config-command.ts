import type { KconfigOption } from '../../schemas/tool.ts';

/**
 * The `scripts/config` call that applies Kconfig options to an existing .config, followed by
 * `make olddefconfig` to resolve dependencies. scripts/config takes names without `CONFIG_`.
 */
export function scriptsConfigCommand(options: readonly Pick<KconfigOption, 'option' | 'value'>[]): string {
  const args = options.map(({ option, value }) => {
    const name = option.replace(/^CONFIG_/, '');
    if (value === 'y') return `-e ${name}`;
    if (value === 'm') return `-m ${name}`;
    if (value === 'n') return `-d ${name}`;
    if (typeof value === 'number' || /^(?:-?\d+|0x[0-9a-fA-F]+)$/.test(value)) return `--set-val ${name} ${value}`;
    return `--set-str ${name} '${value.replace(/'/g, `'\\''`)}'`;
  });
  return `./scripts/config ${args.join(' ')} && make olddefconfig`;
}

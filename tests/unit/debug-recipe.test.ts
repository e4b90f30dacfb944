import { describe, expect, it } from 'vitest';
import { buildDebugRecipe } from '../../src/lib/kconfig/debug-recipe.ts';
import { formatDebugRecipe } from '../../src/lib/kconfig/format-debug-recipe.ts';
import { kconfigLine } from '../../src/lib/kconfig/kconfig-line.ts';
import { toolSchema } from '../../src/schemas/tool.ts';

const tool = (id: string, data: Record<string, unknown>) => ({
  id,
  data: toolSchema.parse({ title: id.toUpperCase(), category: 'sanitizer', detects: ['bugs'], overhead: 'some', production: 'with-care', docs: [{ title: 'd', url: 'https://docs.kernel.org/' }], ...data }),
});

describe('kconfig lines', () => {
  it('writes values the way merge_config.sh reads them', () => {
    expect(kconfigLine('CONFIG_KASAN', 'y')).toBe('CONFIG_KASAN=y');
    expect(kconfigLine('CONFIG_NETCONSOLE', 'm')).toBe('CONFIG_NETCONSOLE=m');
    expect(kconfigLine('CONFIG_UBSAN_TRAP', 'n')).toBe('# CONFIG_UBSAN_TRAP is not set');
    expect(kconfigLine('CONFIG_KFENCE_SAMPLE_INTERVAL', 100)).toBe('CONFIG_KFENCE_SAMPLE_INTERVAL=100');
    expect(kconfigLine('CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE', '0x1')).toBe('CONFIG_MAGIC_SYSRQ_DEFAULT_ENABLE=0x1');
    expect(kconfigLine('CONFIG_CMDLINE', 'console="ttyS0"')).toBe('CONFIG_CMDLINE="console=\\"ttyS0\\""');
  });
});

describe('merged debug recipe', () => {
  const kasan = tool('kasan', {
    production: 'test-only',
    conflictsWith: ['kcsan'],
    unsupported: [{ hypervisor: 'xen-pv', reason: 'no shadow setup for PV guests' }],
    enable: { kconfig: [{ option: 'CONFIG_KASAN' }, { option: 'CONFIG_STACKTRACE' }], boot: [{ param: 'kasan_multi_shot' }, { param: 'page_owner=on' }] },
  });
  const kcsan = tool('kcsan', { conflictsWith: ['kasan'], enable: { kconfig: [{ option: 'CONFIG_KCSAN' }, { option: 'CONFIG_KASAN', value: 'n' }] } });
  const kfence = tool('kfence', { enable: { kconfig: [{ option: 'CONFIG_KFENCE' }], boot: [{ param: 'kfence.sample_interval=100' }, { param: 'page_owner=on' }] } });
  const faster = tool('kfence-fast', { enable: { boot: [{ param: 'kfence.sample_interval=10' }] } });
  const swiotlb = tool('swiotlb-force', {
    productionWarning: 'never on a production disk path',
    enable: { boot: [{ param: 'swiotlb=force' }, { param: 'swiotlb=262144,force', use: 'variant' }], commands: [{ command: 'cat /proc/cmdline' }, { command: 'echo 1 > x', use: 'example' }] },
  });
  const xen = tool('xen-log', { enable: { boot: [{ param: 'loglvl=all', line: 'xen' }, { param: 'console=hvc0' }] } });

  it('reports options, parameters and tools that cannot go together, keeping the first choice', () => {
    const recipe = buildDebugRecipe([kasan, kcsan, kfence, faster]);
    expect(recipe.conflicts).toEqual([
      'KASAN and KCSAN cannot be enabled in the same kernel; build one kernel for each',
      'CONFIG_KASAN: kasan wants y, kcsan wants n; keeping y',
      'boot parameter kfence.sample_interval: kfence wants kfence.sample_interval=100, kfence-fast wants kfence.sample_interval=10; keeping kfence.sample_interval=100',
    ]);
    expect(recipe.kernelCommandLine.map((item) => item.param)).toEqual(['kasan_multi_shot', 'page_owner=on', 'kfence.sample_interval=100']);
    expect(recipe.kernelCommandLine[1]?.tools).toEqual(['kasan', 'kfence']);
  });

  it('warns about hypervisors and production, and makes the hypervisor a conflict when it is the target', () => {
    expect(buildDebugRecipe([kasan, swiotlb]).warnings).toEqual([
      'KASAN does not work on Xen PV: no shadow setup for PV guests',
      'KASAN is marked test-only: keep it off production machines',
      'SWIOTLB-FORCE: never on a production disk path',
    ]);
    // Test-only tools that leave the kernel and its command line alone put nothing at risk.
    expect(buildDebugRecipe([tool('bisect', { production: 'test-only', enable: { commands: [{ command: 'git bisect good' }] } })]).warnings).toEqual([]);
    expect(buildDebugRecipe([kasan], { hypervisor: 'xen-pv' }).conflicts).toEqual(['KASAN does not work on Xen PV: no shadow setup for PV guests']);
  });

  it('prints a fragment merge_config.sh accepts, with everything else as comments', () => {
    expect(formatDebugRecipe(buildDebugRecipe([kasan, kfence, swiotlb, xen, kcsan]))).toBe(`# Debug kernel recipe for: kasan, kfence, swiotlb-force, xen-log, kcsan
# Apply with: scripts/kconfig/merge_config.sh -m .config debug.config && make olddefconfig
# CONFLICT: KASAN and KCSAN cannot be enabled in the same kernel; build one kernel for each
# CONFLICT: CONFIG_KASAN: kasan wants y, kcsan wants n; keeping y
# WARNING: KASAN does not work on Xen PV: no shadow setup for PV guests
# WARNING: KASAN is marked test-only: keep it off production machines
# WARNING: SWIOTLB-FORCE: never on a production disk path

# kasan
CONFIG_KASAN=y
CONFIG_STACKTRACE=y
# kfence
CONFIG_KFENCE=y
# kcsan
CONFIG_KCSAN=y

# Kernel command line:
#   kasan_multi_shot page_owner=on kfence.sample_interval=100 swiotlb=force console=hvc0

# Xen hypervisor command line:
#   loglvl=all

# Runtime commands, as root:
#  swiotlb-force:
#   cat /proc/cmdline
`);
  });
});

import { demangleRust } from './rust-demangle.ts';

/**
 * How a guilty frame is written in a title: system call wrappers collapse to the call they
 * wrap (`__x64_sys_bind` → `sys_bind`, `__se_sys_bind`/`__do_sys_bind`/`ksys_bind` → `bind`), and
 * a family of variants is named after the family (`smp_call_function_single` →
 * `smp_call_function`), so the same bug keeps the same title across kernel versions. Rust
 * functions are written as Rust names them (`<ashmem_rust::Ashmem as kernel::miscdevice::MiscDevice>::mmap`).
 */
const titleRewrites: ReadonlyArray<[RegExp, string]> = [
  [/^__(?:x64|ia32|arm64|riscv|s390x?)_(?:compat_)?sys_(\w+)$/, 'sys_$1'],
  [/^(?:sys|SyS|__se_sys|__do_sys|ksys|do_sys|__se_compat_sys|__do_compat_sys|compat_SyS|C_SYSC|SYSC)_(\w+)$/, '$1'],
  [/^smp_call_function(?:_single|_many|_many_cond|_any|_single_async)?$/, 'smp_call_function'],
  [/^_*synchronize_(?:s?rcu|sched)(?:_expedited|_normal)?$/, 'synchronize_rcu'],
];

// C++ (Itanium ABI) names of plain functions, as some out-of-tree code is built: `_Z8fakeNameiii`.
const MANGLED = /^_Z(\d+)/;

export function titleSymbol(symbol: string): string {
  const rust = demangleRust(symbol);
  if (rust !== undefined) return rust;
  const mangled = MANGLED.exec(symbol);
  if (mangled) {
    const length = Number(mangled[1]);
    const name = symbol.slice(mangled[0].length, mangled[0].length + length);
    if (name.length === length) return name;
  }
  for (const [pattern, replacement] of titleRewrites) {
    if (pattern.test(symbol)) return symbol.replace(pattern, replacement);
  }
  return symbol;
}

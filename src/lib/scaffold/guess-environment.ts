import type { OopsReport } from '../oops/report-types.ts';
import type { Hypervisor } from '../../schemas/common.ts';

/** Register-dump marks that only one architecture prints, checked in order. */
const ARCH_MARKS: ReadonlyArray<{ arch: string; line: RegExp }> = [
  { arch: 'x86_64', line: /^\s*RIP:?\s/ },
  { arch: 'i386', line: /^\s*EIP:?\s/ },
  { arch: 'arm64', line: /^\s*pc : / },
  { arch: 'arm', line: /^\s*PC is at / },
  { arch: 'riscv', line: /^\s*epc : / },
  { arch: 'powerpc', line: /^\s*NIP:? / },
  { arch: 's390', line: /^\s*Krnl PSW : / },
];

/** Hardware-name and stack clues to the hypervisor a guest ran under, checked in order. */
const HYPERVISOR_MARKS: ReadonlyArray<{ hypervisor: Hypervisor; hardware?: RegExp; frame?: RegExp }> = [
  { hypervisor: 'xen-hvm', hardware: /\bHVM domU\b/ },
  { hypervisor: 'xen-pv', frame: /^xen_(?:mc_flush|pgd_pin|dup_mmap|set_pte|alloc_pte|release_pte|exit_mmap|flush_tlb|pin_page)/ },
  { hypervisor: 'kvm', hardware: /\b(?:QEMU|KVM|Google Compute Engine)\b/ },
  { hypervisor: 'vmware', hardware: /\bVMware\b/ },
  { hypervisor: 'hyper-v', hardware: /\bMicrosoft Corporation Virtual Machine\b/ },
];

/** The architecture a report came from, read off its register dump; undefined when it has none. */
export function guessArch(report: OopsReport): string | undefined {
  const lines = report.text.split('\n');
  for (const mark of ARCH_MARKS) if (lines.some((line) => mark.line.test(line))) return mark.arch;
  return undefined;
}

/** The hypervisor a report points at, with the clue; undefined for none found. */
export function guessHypervisor(report: OopsReport): { hypervisor: Hypervisor; clue: string } | undefined {
  for (const mark of HYPERVISOR_MARKS) {
    if (mark.hardware && report.hardware && mark.hardware.test(report.hardware)) {
      return { hypervisor: mark.hypervisor, clue: `hardware name "${report.hardware}"` };
    }
    const frame = mark.frame ? report.frames.find((item) => mark.frame?.test(item.normalized)) : undefined;
    if (frame) return { hypervisor: mark.hypervisor, clue: `frame ${frame.normalized}` };
  }
  return undefined;
}

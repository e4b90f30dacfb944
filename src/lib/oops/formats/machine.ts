import type { ReportFormat } from './report-format.ts';

/*
 * Hardware errors (arch/x86/kernel/cpu/mce/core.c __print_mce, mce_panic, mce_notify_irq;
 * arch/x86/kernel/nmi.c). Their crash class is HARDWARE rather than MCE: it tells the reader
 * that the machine, not the kernel's code, reported the fault, which is the first thing triage
 * needs to know, and it also fits the NMI reports of PCI and I/O errors below. The titles
 * keep the kernel's words and the bank, which names the unit that failed (a memory
 * controller, a cache, the bus interface); the status and address vary with each error.
 *
 * `mce: [Hardware Error]: Machine check events logged` (mce_notify_irq) says that machine checks
 * the kernel survived were queued for mcelog or rasdaemon: nothing crashed, but the hardware
 * reported errors, so it is a minor report, listed after any crash. Not a report: `mce: CPU0:
 * Core temperature above threshold, cpu clock throttled` (therm_throt.c, the CPU slowed down).
 */
const hardwareFormats: readonly ReportFormat[] = [
  {
    // `mce: [Hardware Error]: CPU 0: Machine Check Exception: 5 Bank 4: b200000000070f0f`;
    // `Machine Check:` without `Exception` is an error found by polling or CMCI, outside the
    // #MC handler (corrected, or deferred). Kernels before 3.x had no `mce: ` prefix and
    // 2.6.2x no `[Hardware Error]: ` either. mce_panic() prints one such block per bank with
    // an error, so the next few are part of the same report.
    name: 'machine-check',
    hint: 'Machine Check',
    header: /^(?:mce: )?(?:\[Hardware Error\]: )?CPU (\d+): (Machine Check(?: Exception)?):\s*[0-9a-fA-F]+ Bank (\d+): [0-9a-fA-F]+/,
    title: '{2} in bank {3}',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
    joinsPrevious: 12,
  },
  {
    // 2.6 kernels printed the bank on the next line: `CPU 0: Machine Check Exception:
    // 0000000000000007` then `Bank 3: b40000000000083b at 000000fdfc000cfc`.
    name: 'machine-check-old',
    hint: 'Machine Check Exception',
    header: /^(?:\[Hardware Error\]: )?CPU (\d+): Machine Check Exception:\s*[0-9a-fA-F]+\s*$/,
    title: 'Machine Check Exception',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
    joinsPrevious: 12,
  },
  {
    // mce_panic() when the errors themselves were not printed (or were cut from the log):
    // `Fatal machine check`, `Fatal local machine check`, `Machine check from unknown source`,
    // `Timeout synchronizing machine check over CPUs`, 2.6's `Machine check`.
    name: 'machine-check-panic',
    hint: 'achine check',
    header: /^Kernel panic - not syncing: ((?:Fatal (?:local )?machine check|Machine check from unknown source|Timeout synchronizing machine check over CPUs|Machine check)(?: on current CPU)?)\s*$/,
    title: 'kernel panic: {1}',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
  },
  {
    // mce_notify_irq(): the events are in the log buffer that mcelog or rasdaemon reads
    // (`mcelog --client`, `ras-mc-ctl --errors`); 3.x-era kernels print it with the
    // `[Hardware Error]: ` marker and the `mce: ` prefix, older ones without the prefix.
    name: 'machine-check-logged',
    hint: 'Machine check events logged',
    header: /^(?:mce: )?(?:\[Hardware Error\]: )?Machine check events logged\s*$/,
    title: 'Machine check events logged',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    minor: true,
    noStackNeeded: true,
  },
  {
    // arch/x86/kernel/nmi.c: the chipset raised an NMI for a PCI system error or an I/O check
    // (`NMI: PCI system error (SERR) for reason a1 on CPU 0.`, `NMI: IOCK error (debug
    // interrupt?) for reason 71 on CPU 0.`), typically a failing card or a platform's
    // watchdog button.
    name: 'nmi-hardware-error',
    hint: 'NMI: ',
    header: /^NMI: (PCI system error \(SERR\)|IOCK error) .*for reason [0-9a-f]+ on CPU \d+/,
    title: 'NMI: {1}',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    // unknown_nmi_error(): an NMI no handler claimed (`Uhhuh. NMI received for unknown reason
    // 3d on CPU 0.`), then `Dazed and confused, but trying to continue`.
    name: 'nmi-unknown',
    hint: 'NMI received for unknown reason',
    header: /^Uhhuh\. NMI received for unknown reason [0-9a-f]+ on CPU \d+/,
    title: 'NMI received for unknown reason',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    // kernel/irq/spurious.c __report_bad_irq(): an interrupt line that kept firing with no
    // handler claiming it (`irq 16: nobody cared (try booting with the "irqpoll" option)`), or a
    // handler that returned neither IRQ_NONE nor IRQ_HANDLED (`irq event 16: bogus return value
    // 7`). The stack is the interrupt path; what matters follows it: `handlers:` and each
    // registered handler (`[<…>] i801_isr [i2c_i801]`), then `Disabling IRQ #16`. A device, its
    // firmware or its interrupt routing asserts the line, or a driver does not recognise its
    // own interrupts.
    name: 'irq-nobody-cared',
    hint: 'irq ',
    header: /^irq (?:\d+: (nobody cared)|event \d+: (bogus return value) [0-9a-fA-F]+)/,
    title: 'irq: {1}{2}',
    crashClass: 'HARDWARE',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
];

/** What the fuzzing machine itself prints on the same console: firmware after a reboot, its Go runtime dying. */
const fuzzingMachineFormats: readonly ReportFormat[] = [
  {
    // The firmware banner of a machine that rebooted in the middle of a run.
    name: 'unexpected-reboot',
    hint: 'SeaBIOS (version ',
    header: /^SeaBIOS \(version /,
    title: 'unexpected kernel reboot',
    crashClass: 'REBOOT',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
    needsEarlierOutput: true,
  },
  {
    // The fuzzer's own Go runtime dying.
    name: 'go-runtime',
    hint: 'runtime',
    header: /^(?:fatal error: runtime|runtime: out of memory|panic: runtime error)/,
    title: 'go runtime error',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
  },
];

/** Reports from the machine rather than the kernel's code: hardware errors, and the fuzzing machine's own failures. */
export const machineFormats: readonly ReportFormat[] = [...hardwareFormats, ...fuzzingMachineFormats];

/**
 * The taint letters printed in `Tainted: G    B D    OE`, in bit order, as described in
 * Documentation/admin-guide/tainted-kernels.rst. A letter's position is fixed; a blank or `G`
 * means the flag is clear.
 */
export const taintFlags: ReadonlyArray<{ bit: number; letter: string; meaning: string }> = [
  { bit: 0, letter: 'P', meaning: 'proprietary module was loaded' },
  { bit: 1, letter: 'F', meaning: 'module was force loaded' },
  { bit: 2, letter: 'S', meaning: 'kernel running on an out of specification system' },
  { bit: 3, letter: 'R', meaning: 'module was force unloaded' },
  { bit: 4, letter: 'M', meaning: 'processor reported a Machine Check Exception (MCE)' },
  { bit: 5, letter: 'B', meaning: 'bad page referenced or some unexpected page flags' },
  { bit: 6, letter: 'U', meaning: 'taint requested by userspace application' },
  { bit: 7, letter: 'D', meaning: 'kernel died recently, i.e. there was an OOPS or BUG' },
  { bit: 8, letter: 'A', meaning: 'ACPI table overridden by user' },
  { bit: 9, letter: 'W', meaning: 'kernel issued warning' },
  { bit: 10, letter: 'C', meaning: 'staging driver was loaded' },
  { bit: 11, letter: 'I', meaning: 'workaround for bug in platform firmware applied' },
  { bit: 12, letter: 'O', meaning: 'externally-built ("out-of-tree") module was loaded' },
  { bit: 13, letter: 'E', meaning: 'unsigned module was loaded' },
  { bit: 14, letter: 'L', meaning: 'soft lockup occurred' },
  { bit: 15, letter: 'K', meaning: 'kernel has been live patched' },
  { bit: 16, letter: 'X', meaning: 'auxiliary taint, defined for and used by distros' },
  { bit: 17, letter: 'T', meaning: 'kernel was built with the struct randomization plugin' },
  { bit: 18, letter: 'N', meaning: 'an in-kernel test has been run' },
  { bit: 19, letter: 'J', meaning: 'userspace used a mutating debug operation in fwctl' },
];

const byLetter = new Map(taintFlags.map((flag) => [flag.letter, flag]));

export interface Taint {
  /** The letters that are set, e.g. `BDOE`. */
  letters: string;
  flags: Array<{ letter: string; bit: number; meaning: string }>;
}

/**
 * Decodes the text after `Tainted: ` (letters and spaces up to the kernel version). A letter's
 * position would tell its bit, but consoles and pastes squeeze the blanks (`Tainted: G OEL`), so
 * the letters are read by name. Red Hat kernels print their own flags after a run of `-`
 * (`Tainted: G    B   ------------ T`), where letters mean something else: those are left out.
 */
export function decodeTaint(field: string): Taint {
  const upstream = field.split('-', 1)[0] ?? '';
  return taintFromLetters([...upstream].filter((char) => char !== 'G'));
}

/**
 * Decodes the verbose form kernels since 6.9 print on a line of its own after the `CPU:` line
 * (lib/dump_stack.c, kernel/panic.c print_tainted_verbose()):
 * `Tainted: [P]=PROPRIETARY_MODULE, [W]=WARN, [O]=OOT_MODULE`.
 */
export function decodeVerboseTaint(list: string): Taint {
  return taintFromLetters([...list.matchAll(/\[([A-Z])\]=/g)].map((match) => match[1] ?? ''));
}

function taintFromLetters(letters: readonly string[]): Taint {
  const known = [...new Set(letters.filter((letter) => byLetter.has(letter)))].sort((a, b) => byLetter.get(a)!.bit - byLetter.get(b)!.bit);
  return {
    letters: known.join(''),
    flags: known.map((letter) => {
      const flag = byLetter.get(letter)!;
      return { letter, bit: flag.bit, meaning: flag.meaning };
    }),
  };
}

/** Module flags printed in `Modules linked in: i40e(OE)`, per kernel/module/main.c's module_flags(). */
export const moduleFlagMeaning: Readonly<Record<string, string>> = {
  P: 'proprietary licence',
  O: 'out-of-tree',
  E: 'unsigned',
  F: 'force loaded',
  C: 'staging',
  K: 'live patch',
  N: 'in-kernel test',
  '+': 'being loaded',
  '-': 'being unloaded',
};

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

/** Decodes the text after `Tainted: ` (letters and spaces up to the kernel version). */
export function decodeTaint(field: string): Taint {
  const letters = [...field].filter((char) => char !== 'G' && byLetter.has(char));
  const unique = [...new Set(letters)];
  return {
    letters: unique.join(''),
    flags: unique.map((letter) => {
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

/**
 * A short kebab-case id for a command, made from its words: `cat /sys/kernel/debug/kfence/stats`
 * → `cat-sys-kernel-debug-kfence-stats`. Item ids built from it survive reordering of the
 * commands, which an index would not.
 */
export function commandSlug(command: string, maxLength = 40): string {
  const words = command.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? 'command').slice(0, maxLength);
}

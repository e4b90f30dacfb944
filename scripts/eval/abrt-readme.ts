/**
 * The ABRT examples' README names the logs that hold no kernel crash in one bullet, as
 * backquoted names and globs: "- `no_oops.test`, `not_oops*.test`, …: logs that hold no kernel
 * crash (…); a parser must report none." The list is read from that text, so the README stays
 * the one place it is kept.
 */
export function crashFreePatterns(readme: string): RegExp[] {
  const bullet = bullets(readme).find((text) => /report none|no kernel crash/i.test(text));
  if (!bullet) return [];
  return [...bullet.matchAll(/`([^`]+)`/g)].map(([, glob]) => globToRegExp(glob!));
}

/** `not_oops*.test` → /^not_oops.*\.test$/: `*` and `?` are the only wildcards. */
function globToRegExp(glob: string): RegExp {
  const source = [...glob]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Markdown list items, each with its wrapped continuation lines joined. */
function bullets(markdown: string): string[] {
  const items: string[] = [];
  let current: string | undefined;
  for (const line of markdown.replace(/\r/g, '').split('\n')) {
    if (/^\s*[-*]\s/.test(line)) {
      if (current !== undefined) items.push(current);
      current = line.trim();
    } else if (current !== undefined && /^\s+\S/.test(line)) {
      current += ` ${line.trim()}`;
    } else if (current !== undefined) {
      items.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) items.push(current);
  return items;
}

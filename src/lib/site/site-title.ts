/** The site's name (OOPSBOOK_TITLE, from the `title` setting), `Oopsbook` unless a team names it. */
export function siteTitle(env: NodeJS.ProcessEnv = process.env): string {
  return env.OOPSBOOK_TITLE?.trim() || 'Oopsbook';
}

/**
 * The "Edit this page" URL of a content file (`cases/x.md`, relative to the content folder), when
 * the `editUrl` setting (OOPSBOOK_EDIT_URL) names where the team's repository edits files.
 */
export function editUrl(contentPath: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const prefix = env.OOPSBOOK_EDIT_URL?.trim();
  if (!prefix) return undefined;
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}${contentPath}`;
}

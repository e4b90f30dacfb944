// Settings of this playbook. Every setting is optional, the OOPSBOOK_* variables override them
// and flags (`npx oopsbook build --help`) override both; Oopsbook's docs/deployment.md has the table.
export default {
  title: 'Team playbook',
  content: 'content',
  diagrams: 'diagrams',
  out: 'dist',
  // The host and path the site is published under (the sitemap and checklist links use them).
  // site: 'https://wiki.example.org',
  // base: '/playbook/',
  // "Edit this page" links: a content file's path (cases/x.md) is appended to this URL.
  // editUrl: 'https://git.example.org/team/playbook/-/edit/main/content/',
};

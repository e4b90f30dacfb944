import { unified } from '@astrojs/markdown-remark';
import type { OopsbookSettings } from '../settings/oopsbook-settings.ts';
import type { SiteMarkdownOptions } from './site-markdown-processor.ts';

/** The site's pipeline under Astro's unified processor, with the team's remark and rehype plugins after Oopsbook's. */
export function unifiedSiteProcessor(markdown: OopsbookSettings['markdown'], _options: SiteMarkdownOptions) {
  return unified({
    remarkPlugins: [...(markdown.remarkPlugins as never[])],
    rehypePlugins: [...(markdown.rehypePlugins as never[])],
    smartypants: { dashes: false },
  });
}

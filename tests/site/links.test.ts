import { describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/lib/site/site-url.ts';
import { createLinkChecker } from '../support/link-checker.ts';
import { distDir } from '../support/paths.ts';

const { brokenReason, checkSite } = createLinkChecker(distDir, siteUrl());

describe('links in the built site', () => {
  it('has no broken internal link or anchor in any page (SVG included) or in the Markdown and JSON exports', () => {
    const { broken, checked, pages } = checkSite();
    expect(checked).toBeGreaterThan(pages * 10);
    expect(broken).toEqual([]);
  });

  it('catches a broken anchor and a missing page (the check itself)', () => {
    expect(brokenReason('/cases/no-such-case/', '/')).toBe('no such page or file');
    expect(brokenReason('/cases/i40e-out-of-tree-rx-page-leak/#no-such-anchor', '/')).toBe('no anchor #no-such-anchor');
    expect(brokenReason('#main', '/cases/')).toBeUndefined();
    expect(brokenReason(`${siteUrl()}/nowhere/`, '/')).toBe('no such page or file');
    expect(brokenReason('https://docs.kernel.org/dev-tools/kasan.html', '/')).toBeUndefined();
  });
});

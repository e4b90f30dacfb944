import { describe, expect, it } from 'vitest';
import { caseLog, casesWithLogs } from '../support/case-logs.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

async function triage(text: string): Promise<void> {
  await session.page.goto(`${session.url}/triage/`);
  await session.page.fill('#triage-log', text);
  await session.page.click('#triage-form button[type="submit"]');
  await session.page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
}

// A page fault inside the allocator, reached through the page-fault path: every frame is common.
const ALLOCATOR_FAULT = `BUG: unable to handle page fault for address: ffffc90000a3f000
#PF: supervisor read access in kernel mode
RIP: 0010:__alloc_pages_nodemask+0x1c/0x90
Call Trace:
 __alloc_pages_nodemask+0x1c/0x90
 alloc_pages_current+0x87/0xe0
 handle_mm_fault+0x44/0x120
 __do_page_fault+0x70/0x170
 page_fault+0x22/0x30
`;

describe('triage page', () => {
  for (const slug of casesWithLogs) {
    it(`puts ${slug} first for the log its write-up published`, async () => {
      await triage(caseLog(slug));
      const first = session.page.locator('.triage-matches > li').first();
      expect(await first.locator('a').first().getAttribute('href')).toBe(`/cases/${slug}/`);
      expect((await first.locator('li').allTextContents()).length).toBeGreaterThan(0);
    });
  }

  it('flags the out-of-tree i40e module loudly and links frames to their symbol pages', async () => {
    await triage(caseLog('i40e-out-of-tree-rx-page-leak'));
    const warning = session.page.locator('.suspect-module').first();
    expect(await warning.textContent()).toMatch(/Out-of-tree or unsigned module in the stack: i40e\(OE\)/);
    const frameLink = session.page.locator('table.frames a[href="/symbols/i40e_napi_poll/"]').first();
    expect(await frameLink.count()).toBe(1);
    expect(await session.page.locator('.triage-symptoms a[href="/symptoms/bad-page-state/"]').count()).toBe(1);
    expect(await session.page.locator('.triage-tools a').count()).toBeGreaterThan(0);
  });

  it("says plainly that no kernel crash was found and matches the AF_XDP case on the application's panic line", async () => {
    await triage("Nov 16 23:49:01 fuzzer4 flowtrackd[45807]: thread 'flowtrackd-ZrBh' panicked at 'descriptor 26476800 transitioned from Fill to Tx'\n");
    expect(await session.page.locator('.triage-summary').textContent()).toMatch(/^No kernel crash report; matched the log's other lines instead/);
    expect(await session.page.locator('.triage-matches > li').first().locator('a').first().getAttribute('href')).toBe('/cases/afxdp-veth-napi-rx-ring-race/');
    expect(await session.page.locator('.triage-tools a[href="/tools/ftrace/"]').count()).toBe(1);
  });

  it('keeps cases related by generic evidence only apart from matches, and answers "no known case" with what to run', async () => {
    await triage(ALLOCATOR_FAULT);
    expect(await session.page.locator('.triage-matches > li').count()).toBe(0);
    expect(await session.page.locator('.triage-no-match').textContent()).toMatch(/^No known case matches this crash/);
    expect(await session.page.locator('.triage-related > summary').textContent()).toMatch(/related cases?, by generic evidence only$/);
    expect(await session.page.locator('.triage-related-list > li').count()).toBeGreaterThan(0);
    expect(await session.page.locator('.triage-tools a').count()).toBeGreaterThan(0);
  });

  it('names the printed instruction by the kind of report, and says what a match means instead of a raw score', async () => {
    await triage(caseLog('i40e-out-of-tree-rx-page-leak'));
    // A bad-page report prints the registers of the idle CPU it interrupted: no instruction faulted.
    const badPage = session.page.locator('.triage-report').filter({ hasText: /Bad page state/ }).first();
    const terms = await badPage.locator('dt').allTextContents();
    expect(terms).not.toContain('Faulting instruction');
    expect(terms).toContain('Interrupted at');
    expect(await badPage.locator('dt:text-is("Interrupted at") + dd').textContent()).toMatch(/^native_safe_halt\+/);
    const results = (await session.page.locator('#triage-results').textContent()) ?? '';
    expect(results).not.toMatch(/\.;/);
    expect(results).not.toMatch(/score \d/);
    expect(await session.page.locator('.triage-matches > li .triage-strength').first().textContent()).toBe(' · match: shares specific evidence');
    for (const heading of await session.page.locator('.triage-report h3').allTextContents()) expect(heading).not.toMatch(/ in corrupted$/);
  });

  it('calls the instruction of a page fault the faulting one', async () => {
    await triage(ALLOCATOR_FAULT);
    expect(await session.page.locator('.triage-report dt').allTextContents()).toContain('Faulting instruction');
  });

  it('says a report is damaged instead of titling it "in corrupted"', async () => {
    await triage(caseLog('xen-pvmmu-pgd-pin-bad-type'));
    const headings = await session.page.locator('.triage-report h3').allTextContents();
    expect(headings.some((heading) => /\(damaged report: .+\)$/.test(heading))).toBe(true);
    for (const heading of headings) expect(heading).not.toMatch(/ in corrupted$/);
  });

  it('runs on a paste, once the text has landed', async () => {
    const log = caseLog('xen-pvmmu-pgd-pin-bad-type');
    await session.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await session.page.goto(`${session.url}/triage/`);
    await session.page.evaluate((text) => navigator.clipboard.writeText(text), log);
    await session.page.focus('#triage-log');
    await session.page.keyboard.press('ControlOrMeta+V');
    await session.page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
    expect(await session.page.inputValue('#triage-log')).toBe(log);
    expect(await session.page.locator('.triage-matches > li a').first().getAttribute('href')).toBe('/cases/xen-pvmmu-pgd-pin-bad-type/');
  });

  it('runs on Ctrl+Enter and on Cmd+Enter', async () => {
    for (const chord of ['Control+Enter', 'Meta+Enter']) {
      await session.page.goto(`${session.url}/triage/`);
      await session.page.fill('#triage-log', caseLog('i40e-out-of-tree-rx-page-leak'));
      expect(await session.page.locator('#triage-status').textContent()).toBe('');
      await session.page.press('#triage-log', chord);
      await session.page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
      expect(await session.page.locator('.triage-matches > li a').first().getAttribute('href')).toBe('/cases/i40e-out-of-tree-rx-page-leak/');
    }
  });

  /** Drops a file built in the page from `parts` (text, or a byte count of zeros) on the element `selector`. */
  const drop = (selector: string, name: string, parts: Array<string | number>) =>
    session.page.evaluate(
      ({ selector, name, parts }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(parts.map((part) => (typeof part === 'number' ? new Uint8Array(part) : part)), name));
        const target = document.querySelector(selector) ?? document.body;
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        return target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { selector, name, parts },
    );

  it('reads a log file dropped on the box or anywhere on the page', async () => {
    const log = caseLog('afxdp-veth-napi-rx-ring-race');
    for (const selector of ['#triage-log', 'h1']) {
      await session.page.goto(`${session.url}/triage/`);
      // The drop is handled: the browser does not open the file in place of the page.
      expect(await drop(selector, 'console.log', [log])).toBe(false);
      await session.page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
      expect(await session.page.inputValue('#triage-log')).toBe(log);
    }
  });

  it('says why it cannot read a binary or an oversized file, and leaves the box alone', async () => {
    await session.page.goto(`${session.url}/triage/`);
    await session.page.fill('#triage-log', 'kept');
    await drop('#triage-log', 'vmcore', ['ELF', 16]);
    await session.page.locator('#triage-status').filter({ hasText: /^Could not read the file: vmcore is not a text file/ }).waitFor();
    await drop('#triage-log', 'huge.log', [64 * 1024 * 1024 + 1]);
    await session.page.locator('#triage-status').filter({ hasText: /^Could not read the file: huge\.log is 64\.0 MB; the triage page reads logs of up to 64\.0 MB/ }).waitFor();
    expect(await session.page.inputValue('#triage-log')).toBe('kept');
  });

  it('never turns pasted text into markup', async () => {
    const hostile = `BUG: Bad page state in process <img src=x onerror="window.__pwned=1">  pfn:7d518e
BUG: unable to handle page fault for address: <img src=x onerror="window.__pwned=3">
#PF: supervisor read access in kernel mode
RIP: 0010:<script>window.__pwned=2</script>+0x1/0x2
Call Trace:
 <b onmouseover=alert(1)>x</b>+0x1/0x2
 i40e_napi_poll+0x137f/0x1720 [i40e]
`;
    await triage(hostile);
    expect(await session.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await session.page.locator('#triage-results img, #triage-results script, #triage-results b').count()).toBe(0);
    // The text is shown, as text.
    expect(await session.page.locator('.triage-symptoms').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
  });
});

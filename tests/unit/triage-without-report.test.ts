import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/cli/load-site-graph.ts';
import { buildTriageIndex } from '../../src/lib/triage/build-triage-index.ts';
import learned from '../../src/lib/triage/generic-frames.json' with { type: 'json' };
import { asCorpusFrequency, commonness, symbolCommonness } from '../../src/lib/triage/generic-frames.ts';
import { lineTemplate } from '../../src/lib/triage/line-template.ts';
import { GENERIC_SHARE } from '../../src/lib/triage/rank-cases.ts';
import { triageLog } from '../../src/lib/triage/triage-log.ts';
import { caseLog } from '../support/case-logs.ts';
import { projectDir } from '../support/paths.ts';

const index = buildTriageIndex(loadSiteGraph(() => undefined));
const frequency = asCorpusFrequency(learned);
const fixture = (name: string) => readFileSync(path.join(projectDir, 'tests/fixtures/oops', name), 'utf8');

describe('triage of a paste without a kernel crash report', () => {
  it("puts the AF_XDP case first, as a match, for the application's own panic lines, with its tools and checklist", () => {
    const result = triageLog("Nov 16 23:49:01 fuzzer4 flowtrackd[45807]: thread 'flowtrackd-ZrBh' panicked at 'descriptor 26476800 transitioned from Fill to Tx'\n", index);
    expect(result.reports).toEqual([]);
    expect(result.summary.kernelReport).toBe(false);
    expect(result.summary.outcome).toBe('match');
    expect(result.summary.text).toMatch(/^No kernel crash report; matched the log's other lines instead: 1 symptom line/);
    expect(result.symptoms.map((symptom) => symptom.id)).toEqual(['duplicate-ring-descriptor']);
    expect(result.matches[0]).toMatchObject({ case: 'afxdp-veth-napi-rx-ring-race', strength: 'match' });
    expect(result.tools.map((tool) => tool.id)).toContain('ftrace');
    expect(result.checklists.map((checklist) => checklist.id)).toContain('xdp-ring-corruption');
  });

  it("matches the case's ftrace excerpt on the functions it quotes, and offers the case's tools", () => {
    const result = triageLog(fixture('afxdp-veth-ftrace-excerpt-no-oops.log'), index);
    expect(result.reports).toEqual([]);
    expect(result.matches[0]).toMatchObject({ case: 'afxdp-veth-napi-rx-ring-race', strength: 'match' });
    expect(result.matches[0]?.reasons[0]).toMatch(/^shares \d specific stack symbols: .*__xsk_rcv_zc/);
    expect(result.tools.find((tool) => tool.id === 'ftrace')?.fromCase).toBe('afxdp-veth-napi-rx-ring-race');
  });

  it('finds watchdog, allocation and DMA-API warnings by their symptoms and answers "no known case" with what to run', () => {
    // warn_alloc's header is a report of its own (class ALLOC_FAILURE), not a crash; the others are single lines.
    const lines: Array<[string, string, string, boolean]> = [
      ['[ 1234.567890] NETDEV WATCHDOG: eth0 (i40e): transmit queue 3 timed out', 'netdev-watchdog', 'ethtool-toggles', false],
      ['[ 1234.567890] i40e 0000:3b:00.0 eth0: NETDEV WATCHDOG: CPU: 3: transmit queue 3 timed out 5000 ms', 'netdev-watchdog', 'ethtool-toggles', false],
      ['[   12.345678] kworker/0:1: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null)', 'page-allocation-failure', 'slab-metrics', true],
      ['[   12.345678] e1000e 0000:00:19.0: DMA-API: device driver frees DMA memory with wrong function [device address=0x0000000012345678] [size=66 bytes]', 'dma-api-warning', 'dma-api-debug', false],
    ];
    for (const [line, symptom, tool, reported] of lines) {
      const result = triageLog(`${line}\n`, index);
      expect(result.summary.kernelReport).toBe(reported);
      expect(result.symptoms.map((found) => found.id)).toEqual([symptom]);
      expect(result.matches.filter((match) => match.strength === 'match')).toEqual([]);
      expect(result.summary.text).toMatch(/No known case matches\. The tools and checklists below are for this crash class\.$/);
      expect(result.tools.map((found) => found.id)).toContain(tool);
    }
  });

  it('says plainly when nothing at all was found', () => {
    const result = triageLog('[    0.000000] Linux version 6.8.0 (gcc 13)\n[    1.234567] e1000e: link up\n', index);
    expect(result.summary).toEqual({ kernelReport: false, outcome: 'none', classes: [], text: 'No kernel crash report, and no symptom signature or case line in the log. No known case matches.' });
  });
});

describe('matches a kernel engineer would trust', () => {
  it('ranks every seed case first, as a match, for the logs its write-up published', () => {
    for (const slug of ['i40e-out-of-tree-rx-page-leak', 'xen-pvmmu-pgd-pin-bad-type', 'afxdp-veth-napi-rx-ring-race']) {
      const [first] = triageLog(caseLog(slug), index).matches;
      expect([first?.case, first?.strength]).toEqual([slug, 'match']);
    }
  });

  it('shows no case as a match for an OOM kill whose stack is the allocator and page-fault paths', () => {
    const oom = `[ 100.000000] stress invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
[ 100.000001] CPU: 2 PID: 4242 Comm: stress Not tainted 5.8.0-33-generic #36-Ubuntu
[ 100.000002] Call Trace:
[ 100.000003]  dump_stack+0x6d/0x9a
[ 100.000004]  dump_header+0x4f/0x1eb
[ 100.000005]  oom_kill_process.cold+0xb/0x10
[ 100.000006]  out_of_memory+0x1cf/0x500
[ 100.000007]  __alloc_pages_slowpath.constprop.0+0xbcc/0xc90
[ 100.000008]  __alloc_pages_nodemask+0x2df/0x330
[ 100.000009]  alloc_pages_current+0x87/0xe0
[ 100.000010]  __page_cache_alloc+0x72/0x90
[ 100.000011]  handle_mm_fault+0xd6/0x200
[ 100.000012]  do_user_addr_fault+0x1d8/0x3c0
[ 100.000013]  exc_page_fault+0x7b/0x180
[ 100.000014]  asm_exc_page_fault+0x1e/0x30
[ 100.000015] Out of memory: Killed process 4242 (stress) total-vm:8390000kB, anon-rss:8000000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:16000kB oom_score_adj:0
`;
    const result = triageLog(oom, index);
    expect(result.matches.filter((match) => match.strength === 'match')).toEqual([]);
    for (const match of result.matches) expect(match.reasons.join('\n')).not.toMatch(/specific/);
  });

  it('learned from the corpora that the page-fault, allocator and scheduler paths are generic and a driver function is not', () => {
    for (const symbol of ['handle_mm_fault', '__alloc_pages_nodemask', 'schedule', 'do_syscall_64']) expect(symbolCommonness(frequency, symbol), symbol).toBeGreaterThan(GENERIC_SHARE);
    for (const symbol of ['i40e_napi_poll', 'xen_mc_flush', '__xsk_rcv_zc']) expect(symbolCommonness(frequency, symbol), symbol).toBe(0);
    expect(commonness(frequency, frequency.symptoms['warning-splat'])).toBeGreaterThan(GENERIC_SHARE);
    expect(frequency.regenerate).toMatch(/^npx node scripts\/learn-generic-frames\.ts/);
    expect(frequency.corpora.every((corpus) => corpus.logs > 0)).toBe(true);
  });

  it('masks what changes between two prints of one message', () => {
    expect(lineTemplate("flowtrackd[45807]: thread 'flowtrackd-ZrBh' panicked at 'descriptor 26476800 transitioned from Fill to Tx'")).toBe("flowtrackd[#]: thread 'flowtrackd-ZrBh' panicked at 'descriptor # transitioned from Fill to Tx'");
    expect(lineTemplate('mm.c:2359:d0v1 Bad type (saw 7400000000000001 != exp 1000000000000000) for mfn 8df82b')).toBe('mm.c:#:d#v# Bad type (saw # != exp #) for mfn #');
  });
});

describe('case lines in a paste', () => {
  it('finds a case line behind any prefix, counts a version line as the same machine only, and skips overlong lines', () => {
    const nvm = 'i40e 0000:3b:00.1: The driver for the device detected a newer version of the NVM image v1.12 than expected v1.9. Please install the most recent version of the network driver.';
    const machineOnly = triageLog(`Mar  3 10:00:00 host kernel: ${nvm}\n`, index);
    const i40e = machineOnly.matches.find((match) => match.case === 'i40e-out-of-tree-rx-page-leak');
    expect(i40e?.strength).toBe('related');
    expect(i40e?.reasons[0]).toMatch(/^line 1 describes the same machine as the case \(kernel build, taint, hardware or firmware\), not the bug: i40e 0000:43:00\.0: The driver/);

    const truncated = triageLog('flowtrackd[77]: panic: Invalid TCP packet: Truncated\n', index);
    expect(truncated.matches[0]).toMatchObject({ case: 'afxdp-veth-napi-rx-ring-race', strength: 'match' });
    expect(truncated.matches[0]?.reasons).toEqual(["line 1 is one of the case's own log lines: panic: Invalid TCP packet: Truncated"]);

    expect(triageLog(`${'x'.repeat(2100)} panic: Invalid TCP packet: Truncated\n`, index).matches).toEqual([]);
  });
});

import { stringify } from 'yaml';
import type { CaseInput } from '../../src/schemas/case.ts';
import { crashKinds, type CrashKind } from './crash-kinds.ts';
import { generateHost, generateStack, type GeneratedStack } from './generate-stack.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';
import { callPaths, kernelReleases, type CallPath } from './symbol-vocabulary.ts';

/** Ids the generated case may refer to: those of the real content, so references validate. */
export interface KnownContentIds {
  symptoms: ReadonlySet<string>;
  tools: ReadonlySet<string>;
  checklists: ReadonlySet<string>;
}

/** A generated case file. */
export interface GeneratedCase {
  /** File name without `.md`, kebab-case and unique within a corpus. */
  id: string;
  /** The whole file: YAML frontmatter and a Markdown body. */
  source: string;
  data: CaseInput;
  stacks: GeneratedStack[];
}

const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Tools any investigation can use besides the ones the crash kind calls for. */
const generalTools = ['netconsole', 'kdump', 'pstore', 'crash', 'version-bisection', 'ftrace', 'drgn'];

const outcomeWords = {
  narrowed: ['pointed at the same call path on every host', 'showed the fault only under receive load', 'limited it to one driver version'],
  'ruled-out': ['showed nothing unusual', 'did not reproduce the fault', 'cleared the firmware as a suspect'],
  'found-root-cause': ['caught the first bad access with the freeing stack', 'showed the reference dropped twice', 'named the commit that introduced it'],
} as const;

function hypervisorFor(path: CallPath, random: SeededRandom): CaseInput['environment']['hypervisor'] {
  if (path.subsystems.includes('xen')) return random.pick(['xen-pv', 'xen-hvm', 'xen-pvh'] as const);
  if (path.name.startsWith('virtio')) return 'kvm';
  if (path.subsystems.includes('kvm')) return 'none';
  return random.pick(['none', 'none', 'none', 'kvm', 'vmware', 'hyper-v'] as const);
}

function toolSteps(random: SeededRandom, kinds: CrashKind[], known: KnownContentIds, status: CaseInput['status']): NonNullable<CaseInput['tools']> {
  const candidates = [...new Set([...kinds.flatMap((kind) => kind.tools), ...random.sample(generalTools, 2)])].filter((id) => known.tools.has(id));
  const chosen = random.sample(candidates, random.int(2, Math.min(5, candidates.length)));
  return chosen.map((tool, index) => {
    const last = index === chosen.length - 1;
    if (!last && random.chance(0.1)) {
      return { tool, action: `Tried to enable ${tool} on the affected hosts`, finding: 'Could not be used in production', outcome: 'unavailable' as const, reason: 'the hosts run a signed distribution kernel' };
    }
    const outcome = last && status === 'root-caused' ? ('found-root-cause' as const) : random.pick(['narrowed', 'ruled-out'] as const);
    return { tool, action: `Ran ${tool} during a reproduction`, finding: random.pick(outcomeWords[outcome]), outcome };
  });
}

/** Generates the case with the given index: the same seed and index always give the same file. */
export function generateCase(seed: number, index: number, known: KnownContentIds): GeneratedCase {
  const random = seededRandom((seed * 1_000_003 + index) >>> 0);
  const path = random.pick(callPaths);
  const kind = random.pick(crashKinds);
  const releases = random.sample(kernelReleases, random.int(1, 2));
  const release = releases[0] ?? kernelReleases[0]!;
  const outOfTree = path.module && random.chance(0.15) ? [path.module.name] : [];
  const host = generateHost(random, release, outOfTree);

  const stackCount = random.int(1, 3);
  const kinds = [kind];
  const stacks: GeneratedStack[] = [generateStack(random, path, kind, host)];
  for (let i = 1; i < stackCount; i++) {
    const extraKind = random.chance(0.5) ? kind : random.pick(crashKinds);
    kinds.push(extraKind);
    stacks.push(generateStack(random, path, extraKind, generateHost(random, random.pick(releases), outOfTree)));
  }
  const main = stacks[0]!;

  const status = random.pick(['root-caused', 'root-caused', 'root-caused', 'mitigated', 'mitigated', 'open'] as const);
  const year = random.int(2017, 2025);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const symptoms = [...new Set(kinds.flatMap((item) => item.symptoms))].filter((id) => known.symptoms.has(id));
  const checklists = [...new Set([...kinds.flatMap((item) => item.checklists), ...(outOfTree.length > 0 ? ['out-of-tree-driver-triage'] : [])])].filter((id) => known.checklists.has(id));
  const where = path.module ? `${path.module.name}` : path.subsystems[0];
  const id = `${kebab(path.name)}-${kebab(main.func)}-${kebab(kind.id)}-${String(index).padStart(5, '0')}`;
  const fixCommit = random.hex(12);

  const data: CaseInput = {
    title: `${kind.headline} in ${main.func} (${where}) on ${release.release}`,
    summary: `${main.comm} hit ${main.headline.replace(/\s+/g, ' ')} with \`${main.func}\` on top of the stack, reached from ${main.entry} context through ${main.functions.slice(1, 4).join(', ')}. It recurred ${random.int(2, 40)} times over ${random.int(2, 30)} days on ${random.int(1, 200)} hosts before it was ${status === 'open' ? 'contained' : status.replace('-', ' ')}.`,
    firstSeen: `${year}-${month}`,
    ...(status !== 'open' && random.chance(0.7) ? { resolved: `${Math.min(2026, year + random.int(0, 1))}-${month}` } : {}),
    status,
    severity: random.pick(['critical', 'high', 'high', 'medium', 'low'] as const),
    environment: {
      kernels: releases.map((item) => item.release),
      arch: ['x86_64'],
      distro: release.distro,
      hypervisor: hypervisorFor(path, random),
      hardware: [host.hardware, ...(path.module ? [path.module.hardware] : [])],
      drivers: path.module
        ? [outOfTree.length > 0 ? { name: path.module.name, version: `${random.int(1, 5)}.${random.int(0, 30)}.${random.int(1, 20)}`, origin: 'out-of-tree' as const } : { name: path.module.name, origin: 'in-tree' as const }]
        : [],
    },
    subsystems: path.subsystems,
    symptoms: symptoms.length > 0 ? symptoms : ['warning-splat'],
    signatures: [...new Set([main.headline, main.site])],
    stacks: stacks.map((stack, stackIndex) => ({
      label: `${kinds[stackIndex]?.headline ?? 'Report'} in ${stack.func}, ${stack.comm}, ${stackIndex === 0 ? 'first report' : `recurrence ${stackIndex}`}`,
      log: stack.log,
    })),
    tools: toolSteps(random, kinds, known, status),
    ...(status === 'root-caused' ? { rootCause: `\`${main.func}\` used an object after ${random.pick(['its last reference was dropped', 'the ring was reset', 'the DMA mapping was torn down', 'the lock was released'])}.` } : {}),
    ...(status === 'open' ? { hypothesis: `A race between \`${main.func}\` and ${random.pick(main.functions.slice(1)) ?? 'teardown'} frees the object twice.` } : {}),
    ...(status === 'root-caused'
      ? { fix: { summary: `Take a reference before ${main.func} hands the object on, and drop it on completion.`, links: [{ title: `Fix in ${main.func}`, url: `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=${fixCommit}` }] } }
      : {}),
    mitigations: status === 'mitigated' ? [random.pick(['Disabled the offload with ethtool', 'Pinned the previous kernel', 'Moved the workload off the affected hosts', 'Reverted to the in-tree driver'])] : [],
    lessons: [`Keep the first report: the later ones in ${main.func} were side effects.`],
    checklists,
    references: [{ title: `Report: ${main.headline.slice(0, 60)}`, url: `https://lore.kernel.org/all/${year}${month}${random.hex(8)}@example.org/` }],
  };

  const body = [
    '## Timeline',
    '',
    `The first report came from ${host.hostname} running ${release.release}. ${stacks.length > 1 ? `It recurred ${stacks.length - 1} more time${stacks.length > 2 ? 's' : ''} with the same call path.` : 'It did not recur once the hosts were drained.'}`,
    '',
    '## Investigation',
    '',
    `Every trace went through \`${main.functions[1] ?? main.func}\` into \`${main.func}\`. The ${main.entry} entry path and the ${path.subsystems.join('/')} subsystems narrowed the search to ${where}.`,
    '',
    `Reproduction under load took ${random.int(5, 600)} minutes on average.`,
    '',
  ].join('\n');

  return { id, source: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`, data, stacks };
}

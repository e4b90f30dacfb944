import { crashKinds } from './crash-kinds.ts';
import { generateStack, type SyntheticHost } from './generate-stack.ts';
import { seededRandom } from './seeded-random.ts';
import { callPaths } from './symbol-vocabulary.ts';

/** Ordinary kernel chatter that precedes a crash in a pasted `dmesg`. */
const noise = [
  'i40e 0000:3b:00.0 eth0: NIC Link is Up, 10 Gbps Full Duplex, Flow Control: None',
  'bond0: (slave eth0): link status definitely up, 10000 Mbps full duplex',
  'EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.',
  'audit: type=1400 audit(1712345678.123:42): apparmor="STATUS" operation="profile_load" profile="unconfined" name="nvidia_modprobe" pid=812 comm="apparmor_parser"',
  'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready',
  'nf_conntrack: default automatic helper assignment has been turned off for security reasons',
  'TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters.',
  'perf: interrupt took too long (2503 > 2500), lowering kernel.perf_event_max_sample_rate to 79750',
  'systemd-journald[512]: Received client request to flush runtime journal.',
  'device veth3a1b2c3 entered promiscuous mode',
];

const LINES = 200;

/**
 * A 200-line `dmesg` excerpt: boot chatter, then a deep NULL-dereference oops in the mlx5 receive
 * path and the panic that follows, the size of a paste the triage page must answer quickly.
 */
export function syntheticOops(seed: number): string {
  const random = seededRandom(seed);
  const path = callPaths.find((item) => item.name === 'mlx5-rx') ?? callPaths[0]!;
  const kind = crashKinds.find((item) => item.id === 'null-deref') ?? crashKinds[0]!;
  const host: SyntheticHost = { release: '5.15.0-91-generic', build: '#101-Ubuntu', hardware: 'Dell Inc. PowerEdge R640/0W23H8, BIOS 2.12.2 07/09/2021', outOfTree: [], prefix: 'none', hostname: 'node-1' };
  const report = generateStack(random, path, kind, host).log.trimEnd().split('\n');
  const tail = ['Kernel panic - not syncing: Fatal exception in interrupt', `Kernel Offset: 0x${random.hex(7)}000000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)`, '---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---'];
  const before = Array.from({ length: LINES - report.length - tail.length }, () => random.pick(noise));
  let seconds = 4.1;
  return `${[...before, ...report, ...tail]
    .map((line) => {
      seconds += random.int(1, 400_000) / 1_000_000;
      return `[${seconds.toFixed(6).padStart(12, ' ')}] ${line}`;
    })
    .join('\n')}\n`;
}

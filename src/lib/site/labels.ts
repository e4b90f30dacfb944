import type { CaseData } from '../../schemas/case.ts';
import type { ToolData } from '../../schemas/tool.ts';

/** Human wording for enumerated values, shared by pages and search filters. */
export const statusLabel: Record<CaseData['status'], string> = {
  'root-caused': 'Root-caused',
  mitigated: 'Mitigated',
  open: 'Open',
};

export const outcomeLabel: Record<CaseData['tools'][number]['outcome'], string> = {
  'found-root-cause': 'Found the root cause',
  narrowed: 'Narrowed it down',
  'ruled-out': 'Ruled out',
  unavailable: 'Unavailable',
};

export const productionLabel: Record<ToolData['production'], string> = {
  safe: 'Safe in production',
  'with-care': 'Production with care',
  'test-only': 'Test machines only',
};

export const categoryLabel: Record<ToolData['category'], string> = {
  sanitizer: 'Sanitizer',
  tracer: 'Tracer',
  'crash-dump': 'Crash dump',
  'memory-debugging': 'Memory debugging',
  metrics: 'Metrics',
  reproduction: 'Reproduction',
  decoding: 'Decoding',
  hypervisor: 'Hypervisor',
  isolation: 'Isolation',
};

export const hypervisorLabel: Record<CaseData['environment']['hypervisor'], string> = {
  none: 'Bare metal',
  'xen-pv': 'Xen PV',
  'xen-pvh': 'Xen PVH',
  'xen-hvm': 'Xen HVM',
  kvm: 'KVM',
  vmware: 'VMware',
  'hyper-v': 'Hyper-V',
  other: 'Other',
};

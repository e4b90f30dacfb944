import { z } from 'astro/zod';

/** Kebab-case identifier used for symptoms, tools, checklists, diagrams and checklist items. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

/** A calendar date written as YYYY, YYYY-MM or YYYY-MM-DD (an unquoted YAML date is accepted too). */
export const partialDateSchema = z.union([
  z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  z.date().transform((date) => date.toISOString().slice(0, 10)),
]);

/** A titled link to a public document. */
export const linkSchema = z.strictObject({
  /** What the link points to, as a reader would name it. */
  title: z.string().min(1),
  /** Absolute http(s) URL. */
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
});

/** Hypervisor a machine ran under; `none` for bare metal. */
export const hypervisorSchema = z.enum(['none', 'xen-pv', 'xen-pvh', 'xen-hvm', 'kvm', 'vmware', 'hyper-v', 'other']);

/** Non-empty, trimmed single-line or multi-line text. */
export const textSchema = z.string().trim().min(1, 'must not be empty');

export type Link = z.output<typeof linkSchema>;
export type Hypervisor = z.output<typeof hypervisorSchema>;

import { z } from 'astro/zod';
import { hypervisorSchema, idSchema, linkSchema, partialDateSchema, textSchema } from './common.ts';

/** Where a driver's code came from: the kernel tree or a vendor package built outside it. */
export const driverOriginSchema = z.enum(['in-tree', 'out-of-tree']);

/** A driver involved in the incident. */
export const driverSchema = z.strictObject({
  /** Module name as `lsmod` prints it, e.g. `i40e`. */
  name: textSchema,
  /** Driver version, e.g. `2.13.10`; omit for in-tree drivers that only follow the kernel version. */
  version: textSchema.optional(),
  /** `in-tree` or `out-of-tree`. */
  origin: driverOriginSchema,
});

/** The machines the incident happened on. */
export const environmentSchema = z.strictObject({
  /** Kernel versions seen, as `uname -r` prints them; empty when the incident did not record them. */
  kernels: z.array(textSchema).default([]),
  /** CPU architectures, e.g. `x86_64`, `i386`, `arm64`. */
  arch: z.array(textSchema).min(1),
  /** Distribution and release, e.g. `Ubuntu 20.10`. */
  distro: textSchema.optional(),
  /** Hypervisor the affected kernel ran under; `none` for bare metal. */
  hypervisor: hypervisorSchema.default('none'),
  /** Hardware: server models, NICs, GPUs, firmware. */
  hardware: z.array(textSchema).default([]),
  /** Drivers involved, with version and origin. */
  drivers: z.array(driverSchema).default([]),
});

/** A stack trace or log excerpt exactly as the machine logged it. */
export const stackSchema = z.strictObject({
  /** What this trace is, e.g. `Bad page state on node-1 (5.8.0-33, i40e 2.13.10)`. */
  label: textSchema,
  /** The raw lines, verbatim, including timestamps and prefixes. */
  log: textSchema,
});

/** How a debugging step ended. */
export const toolOutcomeSchema = z.enum(['found-root-cause', 'narrowed', 'ruled-out', 'unavailable']);

/** One step of the investigation, in the order it was taken. */
export const toolStepSchema = z
  .strictObject({
    /** Tool id from `content/tools/`. */
    tool: idSchema,
    /** What was run or enabled. */
    action: textSchema,
    /** What it showed. */
    finding: textSchema,
    /** `found-root-cause`, `narrowed`, `ruled-out` or `unavailable`. */
    outcome: toolOutcomeSchema,
    /** Why the tool could not be used or why the lead was dropped; required when `outcome` is `unavailable`. */
    reason: textSchema.optional(),
  })
  .refine((step) => step.outcome !== 'unavailable' || step.reason !== undefined, {
    message: 'a step whose outcome is "unavailable" needs a reason',
    path: ['reason'],
  });

/** Result of one combination in a version matrix. */
export const matrixResultSchema = z.enum(['bug', 'clean', 'untested']);

/** A bisection over versions: which combinations show the bug. */
export const versionMatrixSchema = z
  .strictObject({
    /** Column names, e.g. `[Kernel, i40e driver]`. */
    dimensions: z.array(textSchema).min(1),
    /** One row per combination tried. */
    rows: z
      .array(
        z.strictObject({
          /** One value per dimension, in the same order. */
          values: z.array(textSchema).min(1),
          /** `bug`, `clean` or `untested`. */
          result: matrixResultSchema,
          /** Anything worth knowing about this run. */
          note: textSchema.optional(),
        }),
      )
      .min(1),
  })
  .superRefine((matrix, ctx) => {
    matrix.rows.forEach((row, index) => {
      if (row.values.length !== matrix.dimensions.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'values'],
          message: `has ${row.values.length} values for ${matrix.dimensions.length} dimensions`,
        });
      }
    });
  });

/** One step of a reproduction recipe. */
export const reproductionStepSchema = z.strictObject({
  /** What to do. */
  text: textSchema,
  /** The command to run, if any. */
  command: textSchema.optional(),
});

/** How the bug was fixed. */
export const fixSchema = z.strictObject({
  /** What changed, in a few sentences. */
  summary: textSchema,
  /** Upstream patches, commits or vendor releases, when public. */
  links: z.array(linkSchema).default([]),
});

/** Frontmatter of `content/cases/<slug>.md`: one kernel incident. */
export const caseSchema = z
  .strictObject({
    /** Short headline naming the failure and the component. */
    title: textSchema,
    /** One paragraph: what broke, why, and how it was found. */
    summary: textSchema,
    /** When the failure was first seen. */
    firstSeen: partialDateSchema,
    /** When the root cause was fixed or mitigated; omit while open. */
    resolved: partialDateSchema.optional(),
    /** `root-caused`, `mitigated` or `open`. */
    status: z.enum(['root-caused', 'mitigated', 'open']),
    /** `critical` (host down or data loss), `high`, `medium` or `low`. */
    severity: z.enum(['critical', 'high', 'medium', 'low']),
    /** Kernel, architecture, hypervisor, hardware and drivers. */
    environment: environmentSchema,
    /** Kernel subsystems involved, kebab-case, e.g. `networking`, `xdp`, `dma`, `mm`, `xen`. */
    subsystems: z.array(idSchema).min(1),
    /** Symptom ids from `content/symptoms/`. */
    symptoms: z.array(idSchema).min(1),
    /** Characteristic log lines, verbatim. */
    signatures: z.array(textSchema).default([]),
    /** Stack traces exactly as logged, each labelled. */
    stacks: z.array(stackSchema).default([]),
    /** Tools used, in the order they were used. */
    tools: z.array(toolStepSchema).default([]),
    /** Kernel and driver versions tried and whether each showed the bug. */
    versionMatrix: versionMatrixSchema.optional(),
    /** The confirmed root cause; required when `status` is `root-caused`. */
    rootCause: textSchema.optional(),
    /** The working hypothesis, stated as such; required when `status` is `open`. */
    hypothesis: textSchema.optional(),
    /** The fix, with upstream links when public. */
    fix: fixSchema.optional(),
    /** What was done to stop the crashes before or instead of a fix. */
    mitigations: z.array(textSchema).default([]),
    /** How to make the bug happen again. */
    reproduction: z
      .strictObject({
        /** What the recipe does and how long it takes to trigger. */
        summary: textSchema,
        /** The steps, in order. */
        steps: z.array(reproductionStepSchema).min(1),
      })
      .optional(),
    /** What to do differently next time. */
    lessons: z.array(textSchema).default([]),
    /** Diagram ids from `diagrams/`. */
    diagrams: z.array(idSchema).default([]),
    /** Checklist ids from `content/checklists/`. */
    checklists: z.array(idSchema).default([]),
    /** Public write-ups, mailing-list threads and bug reports. */
    references: z.array(linkSchema).default([]),
  })
  .superRefine((entry, ctx) => {
    if (entry.status === 'root-caused' && entry.rootCause === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rootCause'], message: 'a root-caused case needs rootCause' });
    }
    if (entry.status === 'open' && entry.hypothesis === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hypothesis'], message: 'an open case needs a hypothesis' });
    }
    if (entry.status === 'open' && entry.resolved !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['resolved'], message: 'an open case has no resolved date' });
    }
  });

export type CaseInput = z.input<typeof caseSchema>;
export type CaseData = z.output<typeof caseSchema>;
export type ToolStep = z.output<typeof toolStepSchema>;
export type StackTrace = z.output<typeof stackSchema>;

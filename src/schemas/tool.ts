import { z } from 'astro/zod';
import { hypervisorSchema, idSchema, linkSchema, textSchema } from './common.ts';

/** What kind of tool this is. */
export const toolCategorySchema = z.enum([
  'sanitizer',
  'tracer',
  'crash-dump',
  'memory-debugging',
  'metrics',
  'reproduction',
  'decoding',
  'hypervisor',
  'isolation',
]);

/** A kernel configuration option the tool needs. */
export const kconfigOptionSchema = z.strictObject({
  /** Option name with its `CONFIG_` prefix, e.g. `CONFIG_KASAN`. */
  option: z.string().regex(/^CONFIG_[A-Z0-9_]+$/, 'must be an option name such as CONFIG_KASAN'),
  /** Value to set: `y`, `m`, `n`, a number or a string. */
  value: z.union([z.enum(['y', 'm', 'n']), z.number(), z.string()]).default('y'),
  /** Why, or what it costs. */
  note: textSchema.optional(),
  /** `recipe` (default): part of the debug-kernel recipe; `optional`: shown with the tool but left out of merged fragments. */
  use: z.enum(['recipe', 'optional']).default('recipe'),
});

/** A kernel command-line parameter. */
export const bootParameterSchema = z.strictObject({
  /** The parameter as written on the command line, e.g. `swiotlb=force`. */
  param: z.string().regex(/^\S+$/, 'must be one parameter without spaces'),
  /** What it does. */
  note: textSchema.optional(),
  /** `recipe` (default): boot with it to use the tool; `variant`: an optional, alternative or example value; `disable`: turns the tool off. */
  use: z.enum(['recipe', 'variant', 'disable']).default('recipe'),
  /** Which command line it goes on: the Linux `kernel` (default) or the `xen` hypervisor's. */
  line: z.enum(['kernel', 'xen']).default('kernel'),
});

/** A command to run. */
export const commandSchema = z.strictObject({
  /** The command, as typed in a root shell. */
  command: textSchema,
  /** What it does. */
  note: textSchema.optional(),
  /** `recipe` (default): a step of turning the tool on or reading what it found; `optional`: a choice left to the reader; `example`: names or addresses from one incident. */
  use: z.enum(['recipe', 'optional', 'example']).default('recipe'),
});

/** Where the tool cannot be used. */
export const unsupportedSchema = z.strictObject({
  /** Hypervisor where it does not work. */
  hypervisor: hypervisorSchema.optional(),
  /** Architecture where it does not work, e.g. `i386`. */
  arch: textSchema.optional(),
  /** Why. */
  reason: textSchema,
});

/** Frontmatter of `content/tools/<id>.md`: a debugging tool or technique. */
export const toolSchema = z.strictObject({
  /** Name as engineers write it, e.g. `KASAN`. */
  title: textSchema,
  /** `sanitizer`, `tracer`, `crash-dump`, `memory-debugging`, `metrics`, `reproduction`, `decoding`, `hypervisor` or `isolation`. */
  category: toolCategorySchema,
  /** What kinds of bug it detects or what it shows, one item each. */
  detects: z.array(textSchema).min(1),
  /** How to turn it on. */
  enable: z
    .strictObject({
      /** Kernel configuration options. */
      kconfig: z.array(kconfigOptionSchema).default([]),
      /** Kernel command-line parameters. */
      boot: z.array(bootParameterSchema).default([]),
      /** Commands, in order. */
      commands: z.array(commandSchema).default([]),
    })
    .refine((enable) => enable.kconfig.length + enable.boot.length + enable.commands.length > 0, {
      message: 'needs at least one Kconfig option, boot parameter or command',
    }),
  /** Cost in CPU, memory or I/O, as measured or documented. */
  overhead: textSchema,
  /** `safe` in production, `with-care` (bounded cost, know what it does) or `test-only`. */
  production: z.enum(['safe', 'with-care', 'test-only']),
  /** Traps, limits and incompatibilities. */
  caveats: z.array(textSchema).default([]),
  /** Environments where it cannot be used at all. */
  unsupported: z.array(unsupportedSchema).default([]),
  /** Tool ids that cannot be enabled in the same kernel as this one. */
  conflictsWith: z.array(idSchema).default([]),
  /** What goes wrong if the recipe is applied to a production machine; printed with every merged recipe. */
  productionWarning: textSchema.optional(),
  /** Kernel documentation and manuals. */
  docs: z.array(linkSchema).min(1),
});

export type ToolInput = z.input<typeof toolSchema>;
export type ToolData = z.output<typeof toolSchema>;
export type KconfigOption = z.output<typeof kconfigOptionSchema>;
export type BootParameter = z.output<typeof bootParameterSchema>;
export type ToolCommand = z.output<typeof commandSchema>;

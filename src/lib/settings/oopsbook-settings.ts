import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A remark or rehype plugin as unified takes it: the plugin, or the plugin and its options. */
export type MarkdownPlugin = unknown;

/** Which Markdown processor renders page bodies. */
export type MarkdownProcessorName = 'satteri' | 'unified';

/** What a team writes in `oopsbook.config.mjs` (or `.js`, `.json`); every field is optional. */
export interface OopsbookConfigFile {
  /** Site title shown in the header and page titles. */
  title?: string;
  /** Absolute URL of the host the site is served from (`https://wiki.example.org`). */
  site?: string;
  /** Path the site lives under on that host (`/playbook/`). */
  base?: string;
  /** Folder with cases/, symptoms/, tools/ and checklists/, relative to the config file. */
  content?: string;
  /** Folder with diagram specs, relative to the config file. */
  diagrams?: string;
  /** Where `oopsbook build` writes the site, relative to the config file. */
  out?: string;
  /** URL that a content file's path (`cases/x.md`) is appended to for an "Edit this page" link. */
  editUrl?: string;
  /** Astro's cache (content store, optimised assets), relative to the config file; default node_modules/.astro. */
  cacheDir?: string;
  markdown?: {
    /** `satteri` (the default) or `unified` (remark and rehype, needed for plugins from npm). */
    processor?: MarkdownProcessorName;
    /** Extra remark plugins (unified only): `[plugin]` or `[[plugin, options]]`. */
    remarkPlugins?: MarkdownPlugin[];
    /** Extra rehype plugins (unified only). */
    rehypePlugins?: MarkdownPlugin[];
  };
}

/** Every setting once resolved: paths absolute, URL and base normalised. */
export interface OopsbookSettings {
  /** The team repository: the folder of the config file, else the working directory. */
  root: string;
  /** The config file read, if any. */
  configFile: string | undefined;
  title: string;
  /** Origin (and any path) without a trailing slash. */
  site: string;
  /** Starts and ends with `/`. */
  base: string;
  content: string;
  diagrams: string;
  out: string;
  editUrl: string | undefined;
  /** Astro's cache folder, with Vite's in its `vite/`; undefined leaves their defaults (node_modules/.astro and node_modules/.vite under root). */
  cacheDir: string | undefined;
  markdown: { processor: MarkdownProcessorName; remarkPlugins: MarkdownPlugin[]; rehypePlugins: MarkdownPlugin[] };
}

/** Command-line flags that override a setting. */
export interface SettingsFlags {
  content?: string | undefined;
  diagrams?: string | undefined;
  out?: string | undefined;
  base?: string | undefined;
  site?: string | undefined;
}

/** Config file names looked for at the team repository's root, in this order. */
export const CONFIG_FILE_NAMES = ['oopsbook.config.mjs', 'oopsbook.config.js', 'oopsbook.config.json'] as const;

/** The environment variable of each setting that has one. */
export const SETTINGS_ENV = {
  title: 'OOPSBOOK_TITLE',
  site: 'OOPSBOOK_SITE',
  base: 'OOPSBOOK_BASE',
  content: 'OOPSBOOK_CONTENT',
  diagrams: 'OOPSBOOK_DIAGRAMS',
  editUrl: 'OOPSBOOK_EDIT_URL',
  cacheDir: 'OOPSBOOK_CACHE_DIR',
  processor: 'OOPSBOOK_MARKDOWN',
} as const;

export const DEFAULT_TITLE = 'Oopsbook';
export const DEFAULT_SITE = 'http://localhost:4321';

/** A bad setting, named by where it came from. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** `/a/b/` from `a/b`, `/a/b` or `/`; rejects what cannot be a URL path. */
export function normalizeBase(value: string, source: string): string {
  const trimmed = value.trim();
  if (/[?#\s\\]|^[a-z]+:/i.test(trimmed)) throw new SettingsError(`${source}: base "${value}" must be a URL path such as /playbook/`);
  const inner = trimmed.replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}

function normalizeSite(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SettingsError(`${source}: site "${value}" is not an absolute URL such as https://wiki.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SettingsError(`${source}: site "${value}" must be an http or https URL`);
  return url.href.replace(/\/+$/, '');
}

function processorName(value: string, source: string): MarkdownProcessorName {
  if (value === 'satteri' || value === 'unified') return value;
  throw new SettingsError(`${source}: markdown processor "${value}" is not one of satteri | unified`);
}

/** The config file in `dir`, if there is one. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

const KNOWN_KEYS = new Set(['title', 'site', 'base', 'content', 'diagrams', 'out', 'editUrl', 'cacheDir', 'markdown']);
const KNOWN_MARKDOWN_KEYS = new Set(['processor', 'remarkPlugins', 'rehypePlugins']);

/** Reads a config file; a module's default export is the config. Unknown keys are errors, so a typo does not pass silently. */
export async function readConfigFile(file: string): Promise<OopsbookConfigFile> {
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new SettingsError(`${file}: ${(error as Error).message}`);
    }
  } else {
    value = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError(`${file}: the config must be an object (a module's default export)`);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) throw new SettingsError(`${file}: unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  for (const key of ['title', 'site', 'base', 'content', 'diagrams', 'out', 'editUrl', 'cacheDir'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw new SettingsError(`${file}: ${key} must be a string`);
  }
  const markdown = config.markdown;
  if (markdown !== undefined) {
    if (typeof markdown !== 'object' || markdown === null) throw new SettingsError(`${file}: markdown must be an object`);
    for (const [key, setting] of Object.entries(markdown)) {
      if (!KNOWN_MARKDOWN_KEYS.has(key)) throw new SettingsError(`${file}: unknown setting "markdown.${key}" (known: ${[...KNOWN_MARKDOWN_KEYS].join(', ')})`);
      if (key !== 'processor' && !Array.isArray(setting)) throw new SettingsError(`${file}: markdown.${key} must be an array of plugins`);
    }
  }
  return config as OopsbookConfigFile;
}

/**
 * Resolves every setting: a flag wins over the environment, which wins over the config file,
 * which wins over the default. Relative folders in the file are relative to the file; flags
 * and environment variables are relative to the working directory.
 */
export async function resolveSettings(options: { cwd?: string; env?: NodeJS.ProcessEnv; flags?: SettingsFlags; configFile?: string } = {}): Promise<OopsbookSettings> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const flags = options.flags ?? {};
  const configFile = options.configFile ?? findConfigFile(cwd);
  const file = configFile ? await readConfigFile(configFile) : {};
  const root = configFile ? path.dirname(configFile) : cwd;
  const fileSource = configFile ?? 'config';
  const folder = (key: 'content' | 'diagrams' | 'out' | 'cacheDir', envName: string | undefined, fallback: string): string => {
    const flag = key === 'cacheDir' ? undefined : flags[key];
    if (flag) return path.resolve(cwd, flag);
    const fromEnv = envName ? env[envName]?.trim() : undefined;
    if (fromEnv) return path.resolve(cwd, fromEnv);
    const fromFile = file[key];
    if (fromFile) return path.resolve(root, fromFile);
    return path.join(root, fallback);
  };

  const siteValue = flags.site ?? (env[SETTINGS_ENV.site]?.trim() || undefined) ?? file.site;
  const siteSource = flags.site ? '--site' : env[SETTINGS_ENV.site]?.trim() ? SETTINGS_ENV.site : fileSource;
  const baseValue = flags.base ?? (env[SETTINGS_ENV.base]?.trim() || undefined) ?? file.base;
  const baseSource = flags.base ? '--base' : env[SETTINGS_ENV.base]?.trim() ? SETTINGS_ENV.base : fileSource;
  const processorValue = env[SETTINGS_ENV.processor]?.trim() || file.markdown?.processor;
  const processorSource = env[SETTINGS_ENV.processor]?.trim() ? SETTINGS_ENV.processor : fileSource;
  const processor = processorValue ? processorName(processorValue, processorSource) : 'satteri';
  const remarkPlugins = file.markdown?.remarkPlugins ?? [];
  const rehypePlugins = file.markdown?.rehypePlugins ?? [];
  if (processor === 'satteri' && remarkPlugins.length + rehypePlugins.length > 0) {
    throw new SettingsError(`${fileSource}: remark and rehype plugins need markdown.processor: 'unified' (Sätteri runs only its own plugins)`);
  }
  return {
    root,
    configFile,
    title: env[SETTINGS_ENV.title]?.trim() || file.title || DEFAULT_TITLE,
    site: siteValue ? normalizeSite(siteValue, siteSource) : DEFAULT_SITE,
    base: baseValue ? normalizeBase(baseValue, baseSource) : '/',
    content: folder('content', SETTINGS_ENV.content, 'content'),
    diagrams: folder('diagrams', SETTINGS_ENV.diagrams, 'diagrams'),
    out: folder('out', undefined, 'dist'),
    editUrl: env[SETTINGS_ENV.editUrl]?.trim() || file.editUrl || undefined,
    cacheDir: env[SETTINGS_ENV.cacheDir]?.trim() || file.cacheDir ? folder('cacheDir', SETTINGS_ENV.cacheDir, '') : undefined,
    markdown: { processor, remarkPlugins, rehypePlugins },
  };
}

/**
 * Writes the resolved settings into the environment: the site's pages, the content loader and
 * the other commands read them there, in this process and in the build process it starts.
 */
export function exportSettings(settings: OopsbookSettings, env: NodeJS.ProcessEnv = process.env): void {
  env[SETTINGS_ENV.title] = settings.title;
  env[SETTINGS_ENV.site] = settings.site;
  env[SETTINGS_ENV.base] = settings.base;
  env[SETTINGS_ENV.content] = settings.content;
  env[SETTINGS_ENV.diagrams] = settings.diagrams;
  env[SETTINGS_ENV.processor] = settings.markdown.processor;
  if (settings.editUrl) env[SETTINGS_ENV.editUrl] = settings.editUrl;
  else delete env[SETTINGS_ENV.editUrl];
  if (settings.cacheDir) env[SETTINGS_ENV.cacheDir] = settings.cacheDir;
}

/**
 * One value per Node process under `name`, made on first use. Astro loads some modules twice in
 * one process (the integration's copy with the config, the page bundle's), and the development
 * server loads page modules again after every content change; a value kept on `globalThis` is the
 * one every copy finds, and it outlives the modules.
 */
export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`oopsbook.${name}`);
  const holder = globalThis as Record<symbol, T | undefined>;
  return (holder[key] ??= make());
}

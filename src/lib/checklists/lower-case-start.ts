/**
 * A title put mid-sentence ("Turn on the tools for bad page state"): its first letter lower-cased,
 * unless the first word has two or more capitals. Such a word is an acronym or a name (SLUB, KASAN,
 * AF_XDP, DMA-API, PowerPC) and lower-casing it gives "sLUB".
 */
export function lowerCaseStart(title: string): string {
  const firstWord = /^\S*/.exec(title)?.[0] ?? '';
  if ((firstWord.match(/\p{Lu}/gu) ?? []).length >= 2) return title;
  return `${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

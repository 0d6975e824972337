/** How the Japanese press writes the names of registry parties (katakana), added to the Latin forms. */

// biome-ignore format: name pairs read best packed
const KATAKANA: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["New York Times", ["ニューヨーク・タイムズ", "ニューヨークタイムズ"]],
  ["Microsoft", ["マイクロソフト"]],
  ["Google", ["グーグル"]],
  ["Apple", ["アップル"]],
  ["Anthropic", ["アンソロピック", "アンスロピック"]],
  ["Perplexity", ["パープレキシティ"]],
  ["Getty Images", ["ゲッティイメージズ", "ゲッティ・イメージズ"]],
  ["Stability AI", ["スタビリティAI", "スタビリティー・AI"]],
  ["Midjourney", ["ミッドジャーニー"]],
  ["Disney", ["ディズニー"]],
  ["Nvidia", ["エヌビディア"]],
]);

/** The katakana forms of the given party names (none for names the table does not know). */
export function nameTransliterations(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) for (const t of KATAKANA.get(n) ?? []) out.add(t);
  return [...out];
}

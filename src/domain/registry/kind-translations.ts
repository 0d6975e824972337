/**
 * How the German, French and Japanese press names the generic plaintiff sides of the registry ("authors",
 * "music publishers"): each English kind of a case also matches these words.
 */

// biome-ignore format: word lists read best packed
const AUTHORS = [
  "Autoren", "Autorinnen", "Schriftsteller", "Schriftstellerinnen", "Buchautoren", "auteurs", "autrices",
  "écrivains", "écrivaines", "作家", "著者", "小説家",
];
// biome-ignore format: word lists read best packed
const ARTISTS = [
  "Künstler", "Künstlerinnen", "Illustratoren", "artistes", "illustrateurs", "アーティスト", "芸術家", "イラストレーター",
];
// biome-ignore format: word lists read best packed
const LABELS = [
  "Plattenfirmen", "Plattenlabels", "Musiklabels", "maisons de disques", "レコード会社",
];
// biome-ignore format: word lists read best packed
const MUSIC_PUBLISHERS = [
  "Musikverlage", "Musikverleger", "éditeurs de musique", "éditeurs musicaux", "音楽出版社",
];
// biome-ignore format: word lists read best packed
const PUBLISHERS = [
  "Verlage", "Verleger", "éditeurs", "出版社",
];
// biome-ignore format: word lists read best packed
const NEWS = [
  "Zeitungsverlage", "Presseverlage", "Medienhäuser", "Zeitungen", "éditeurs de presse", "journaux", "新聞社",
  "報道機関",
];
// biome-ignore format: word lists read best packed
const STUDIOS = [
  "Filmstudios", "Hollywood-Studios", "studios hollywoodiens", "studios de cinéma", "映画会社", "ハリウッド",
];
// biome-ignore format: word lists read best packed
const VOICES = [
  "Synchronsprecher", "Sprecher", "comédiens de doublage", "doubleurs", "声優",
];

// biome-ignore format: word lists read best packed
const PHOTOGRAPHERS = [
  "Fotograf", "Fotografen", "Fotografin", "photographe", "photographes", "写真家",
];

/** Translations per English kind (lower case, as written in the registry hints). */
const BY_KIND: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["authors", AUTHORS],
  ["writers", AUTHORS],
  ["novelists", AUTHORS],
  ["book authors", AUTHORS],
  ["artists", ARTISTS],
  ["visual artists", ARTISTS],
  ["illustrators", ARTISTS],
  ["record labels", LABELS],
  ["major labels", LABELS],
  ["music labels", LABELS],
  ["record companies", LABELS],
  ["music publishers", MUSIC_PUBLISHERS],
  ["song publishers", MUSIC_PUBLISHERS],
  ["publishers", PUBLISHERS],
  ["book publishers", PUBLISHERS],
  ["news publishers", NEWS],
  ["newspapers", NEWS],
  ["news organizations", NEWS],
  ["studios", STUDIOS],
  ["hollywood studios", STUDIOS],
  ["film studios", STUDIOS],
  ["movie studios", STUDIOS],
  ["voice actors", VOICES],
  ["voice artists", VOICES],
  ["photographer", PHOTOGRAPHERS],
  ["stock photographer", PHOTOGRAPHERS],
]);

/** The German, French and Japanese words for the given English plaintiff kinds (none for unknown kinds). */
export function kindTranslations(kinds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of kinds) for (const t of BY_KIND.get(k.toLowerCase()) ?? []) out.add(t);
  return [...out];
}

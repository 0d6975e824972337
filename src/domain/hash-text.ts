/** A small, fast, non-cryptographic text hash shared by the registry sync and the HTTP validators. */

/** A small stable hash (FNV-1a, 32 bit, hex) used to detect changes. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

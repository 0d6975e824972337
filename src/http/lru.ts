/** A small least-recently-used map (insertion order of a Map is the recency order). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  /** Holds at most `capacity` entries; the least recently used one is dropped first. */
  constructor(private readonly capacity: number) {}

  /** The value for `key` (marking it most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  /** The value for `key` without marking it used (cheaper; for hot read paths). */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Stores `value` as the most recently used entry, evicting the oldest beyond capacity. */
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  /** Removes one entry. */
  delete(key: K): void {
    this.map.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.map.clear();
  }

  /** Number of entries held. */
  get size(): number {
    return this.map.size;
  }
}

/**
 * A list the reader refills for every row, keeping its storage. An array's `length = 0` drops its
 * storage, so every row of a long list would grow a new one: garbage on the reader's hot path.
 */
export class ReusedList<T> {
  private readonly items: T[] = [];
  /** How many items the list holds (those beyond it are stale and never read). */
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  /** The item at `index`, below `length`. */
  get(index: number): T {
    return this.items[index]!;
  }

  clear(): void {
    this.length = 0;
  }
}

/** Where items are appended: an array, or a {@link ReusedList}. */
export interface Appendable<T> {
  push(item: T): unknown;
}

/**
 * The dossiers a page read but the store has not yet confirmed saved. A save that fails for good (the
 * background answered an error, or the connection stayed broken past the client's retries) must not
 * lose them when staff move on to another page of the list: the next read there only sends what it
 * reads. So each read is kept here, keyed by code (the newest read of a code wins), until an answer
 * confirms it, and the next save or a reconnect sends it again (docs/architecture.md, "Page sync").
 *
 * Bounded: past `limit` codes, the oldest kept read is dropped (staff reading more than that many
 * dossiers while the store is down lose the oldest; the portal still shows them on a later visit).
 */
export interface PendingSave<T> {
  item: T;
  /** The page the read came from, sent with it (the store keeps where a dossier was last seen). */
  pageUrl: string;
}

export const PENDING_SAVES_LIMIT = 50_000;

export class PendingSaves<T extends { code: string }> {
  /** In the order kept, oldest first (a newer read of a code moves it to the end). */
  private readonly byCode = new Map<string, PendingSave<T>>();

  constructor(private readonly limit = PENDING_SAVES_LIMIT) {}

  get size(): number {
    return this.byCode.size;
  }

  /** Keeps these reads until confirmed: a code kept already takes the newer read. */
  add(items: readonly T[], pageUrl: string): void {
    for (const item of items) {
      this.byCode.delete(item.code);
      this.byCode.set(item.code, { item, pageUrl });
    }
    // The oldest go first: they are the pages staff left longest ago.
    for (const code of this.byCode.keys()) {
      if (this.byCode.size <= this.limit) break;
      this.byCode.delete(code);
    }
  }

  /**
   * What to send, grouped by page (one upsert each), oldest page first. The entries are the objects
   * kept: `confirm` with them removes exactly these reads.
   */
  batches(): { pageUrl: string; entries: PendingSave<T>[] }[] {
    const byPage = new Map<string, PendingSave<T>[]>();
    for (const entry of this.byCode.values()) {
      const list = byPage.get(entry.pageUrl);
      if (list) list.push(entry);
      else byPage.set(entry.pageUrl, [entry]);
    }
    return [...byPage].map(([pageUrl, entries]) => ({ pageUrl, entries }));
  }

  /**
   * The store saved these: they are dropped, unless a newer read of the code came in while the save
   * was under way (that read is still to be sent).
   */
  confirm(entries: readonly PendingSave<T>[]): void {
    for (const entry of entries) {
      if (this.byCode.get(entry.item.code) === entry) this.byCode.delete(entry.item.code);
    }
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  clear(): void {
    this.byCode.clear();
  }
}

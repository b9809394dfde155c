/**
 * The codes each tab's portal content script has sent in an upsert. A portal page may learn the tag
 * state of those codes only: codes are predictable, so a page must not be able to ask about others.
 * Kept in the background's memory; a stopped service worker forgets it, and the page's next read
 * (which every page re-sends after a restart) fills it again.
 */
export class TabCodes {
  private readonly byTab = new Map<number, Set<string>>();

  add(tabId: number, codes: Iterable<string>): void {
    let known = this.byTab.get(tabId);
    if (!known) this.byTab.set(tabId, (known = new Set()));
    for (const code of codes) known.add(code);
  }

  /** The codes among `codes` that the tab has sent. */
  sentBy(tabId: number, codes: readonly string[]): string[] {
    const known = this.byTab.get(tabId);
    return known ? codes.filter((code) => known.has(code)) : [];
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

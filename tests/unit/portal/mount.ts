import { afterEach } from 'vitest';

/** `html` inside a new container appended to the document's body; returns the container. */
export function mount(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

/** Empties the document's body after each test of the file that calls it (at its top level). */
export function emptyBodyAfterEach(): void {
  afterEach(() => {
    document.body.replaceChildren();
  });
}

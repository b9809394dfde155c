import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface TestRoot {
  /** The container the component is rendered into, attached to the body. */
  container: HTMLDivElement;
  root: Root;
}

/**
 * A React root in a fresh container for each test of the file that calls it, unmounted and removed
 * after the test: what each component test would otherwise set up by hand.
 */
export function rootPerTest(): TestRoot {
  const view = {} as TestRoot;
  beforeEach(() => {
    view.container = document.createElement('div');
    document.body.append(view.container);
    view.root = createRoot(view.container);
  });
  afterEach(() => {
    act(() => view.root.unmount());
    view.container.remove();
  });
  return view;
}

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ignoreReplayedStartEvents } from '../../../entrypoints/content/started-guard';

/** WXT's event name for "a newer copy of this content script started" (extension id, entrypoint, name). */
function startedEventName(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
}

function replay(contentScriptName: string) {
  document.dispatchEvent(new CustomEvent(startedEventName(), { detail: { contentScriptName, messageId: 'forged' } }));
}

describe('ignoreReplayedStartEvents', () => {
  it('the event WXT listens for names the extension id', () => {
    expect(startedEventName()).toContain(fakeBrowser.runtime.id);
    expect(startedEventName()).toContain('wxt:content-script-started');
  });

  it('without it, a replayed start event stops the content script (the attack)', () => {
    const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    replay('content');
    expect(ctx.isValid).toBe(false);
  });

  it('with it, the same event stops nothing while the extension is alive', () => {
    const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
    ignoreReplayedStartEvents(ctx);
    replay('content');
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });
});

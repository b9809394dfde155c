import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPortalMatcher, dropLegacyRegistration, grantedPortalOrigins } from '../../../entrypoints/background/portals';
import { EXTRA_PORTALS_SCRIPT_ID } from '../../../lib/portal/extra-portals';
import { installFakeApis } from './fake-apis';

const QUANG_NGAI = 'https://dichvucong.quangngai.gov.vn/*';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('grantedPortalOrigins', () => {
  it('lists the exact granted hosts, not the built-in ones nor a wildcard grant', async () => {
    installFakeApis(['https://motcua.kontum.gov.vn/*', QUANG_NGAI, 'https://*/*', 'http://10.0.0.5/*', '<all_urls>', 'https://*.gov.vn/*']);
    expect(await grantedPortalOrigins()).toEqual(['https://dichvucong.quangngai.gov.vn', 'http://10.0.0.5']);
  });
});

describe('createPortalMatcher', () => {
  it('follows the grants: a page is a portal while its origin is granted', async () => {
    const apis = installFakeApis();
    const matcher = createPortalMatcher();
    await matcher.ready();
    const page = 'https://dichvucong.quangngai.gov.vn/ho-so';
    expect(matcher.isPortalUrl('https://motcua.kontum.gov.vn/x')).toBe(true);
    expect(matcher.isPortalUrl(page)).toBe(false);

    await apis.permissions.grant(QUANG_NGAI);
    await matcher.ready();
    expect(matcher.isPortalUrl(page)).toBe(true);
    expect(matcher.isPortalUrl('https://dichvucong.quangngai.gov.vn.evil.example/')).toBe(false);
    expect(matcher.isPortalUrl('http://dichvucong.quangngai.gov.vn/ho-so')).toBe(false);

    // Revoked in the browser's own UI: no longer a portal.
    await apis.permissions.revoke(QUANG_NGAI);
    await matcher.ready();
    expect(matcher.isPortalUrl(page)).toBe(false);
  });
});

describe('dropLegacyRegistration', () => {
  it('unregisters the script the hand-made registration left, and nothing else', async () => {
    const apis = installFakeApis();
    apis.scripting.registered.set(EXTRA_PORTALS_SCRIPT_ID, {});
    apis.scripting.registered.set('webext-dynamic-content-script-x', {});
    await dropLegacyRegistration();
    expect([...apis.scripting.registered.keys()]).toEqual(['webext-dynamic-content-script-x']);
    await dropLegacyRegistration();
    expect(apis.scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });
});

import { BUILT_IN_PORTAL_HOSTS } from './hosts';
import { settingsSchemas } from '../settings/settings';

/**
 * Extra portal origins added by the user (another province, the national portal). Each one is asked for
 * as an optional host permission when it is added, and the content script is registered there at
 * runtime; removing it revokes both.
 */

export const EXTRA_PORTALS_SCRIPT_ID = 'extra-portals';

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string; messageEn: string };

/** Normalises what the user typed to an origin, refusing junk and the built-in hosts (no setup needed). */
export function checkExtraOrigin(input: string, existing: readonly string[]): OriginCheck {
  const parsed = settingsSchemas().portalOriginSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: `"${input.trim()}" không phải là địa chỉ trang web (ví dụ: https://dichvucong.quangngai.gov.vn).`,
      messageEn: `"${input.trim()}" is not a web address (for example https://dichvucong.quangngai.gov.vn).`,
    };
  }
  const origin = parsed.data;
  const host = new URL(origin).hostname;
  if ((BUILT_IN_PORTAL_HOSTS as readonly string[]).includes(host)) {
    return { ok: false, message: `${host} đã được hỗ trợ sẵn, không cần thêm.`, messageEn: `${host} is built in; nothing to add.` };
  }
  if (existing.includes(origin)) {
    return { ok: false, message: `${origin} đã có trong danh sách.`, messageEn: `${origin} is already in the list.` };
  }
  return { ok: true, origin };
}

/** The match pattern of an origin, for permissions and content-script registration. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  // Match patterns cannot name a port; without one they match every port of the host.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Whether a page URL is on one of the extra portals, compared as the match pattern does (scheme and
 * host, any port): the content script is registered with `originPattern`, so it runs on every port.
 */
export function isExtraPortalUrl(url: string, origins: readonly string[]): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  return origins.some((origin) => {
    try {
      const portal = new URL(origin);
      return portal.protocol === page.protocol && portal.hostname === page.hostname;
    } catch {
      return false;
    }
  });
}

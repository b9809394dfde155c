import { BUILT_IN_PORTAL_HOSTS } from './hosts';
import type { ProblemOf } from '../i18n/problem';
import { settingsSchemas } from '../settings/settings';

/**
 * Extra portal origins added by the user (another province, the national portal). Each one is asked for
 * as an optional host permission when it is added, and the content script is registered there at
 * runtime; removing it revokes both.
 */

export const EXTRA_PORTALS_SCRIPT_ID = 'extra-portals';

export type OriginCheck =
  | { ok: true; origin: string }
  | { ok: false; problem: ProblemOf<'origin-invalid' | 'origin-built-in' | 'origin-duplicate'> };

/** Normalises what the user typed to an origin, refusing junk and the built-in hosts (no setup needed). */
export function checkExtraOrigin(input: string, existing: readonly string[]): OriginCheck {
  const parsed = settingsSchemas().portalOriginSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problem: { code: 'origin-invalid', text: input.trim() } };
  }
  const origin = parsed.data;
  const host = new URL(origin).hostname;
  if ((BUILT_IN_PORTAL_HOSTS as readonly string[]).includes(host)) {
    return { ok: false, problem: { code: 'origin-built-in', host } };
  }
  if (existing.includes(origin)) {
    return { ok: false, problem: { code: 'origin-duplicate', origin } };
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

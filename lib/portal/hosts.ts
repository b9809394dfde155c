/**
 * The built-in portal hosts (docs/domain.md, "Where it runs"). The content script runs there with no
 * setup, on any path, over HTTPS only: a network attacker who blocks port 443 and answers plain http at
 * a portal's name must not get the extension's panel or its stored tags. Plain http is possible only for
 * an extra portal an administrator adds, explicitly, as `http://…` (the options page warns). Match
 * patterns without a port match any port.
 */
export const BUILT_IN_PORTAL_HOSTS = [
  'hanhchinhcong.kontum.gov.vn',
  'dichvucong.kontum.gov.vn',
  'motcua.kontum.gov.vn',
] as const;

export const BUILT_IN_PORTAL_MATCHES: string[] = BUILT_IN_PORTAL_HOSTS.map((host) => `https://${host}/*`);

export function isBuiltInPortalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return false;
    return (BUILT_IN_PORTAL_HOSTS as readonly string[]).includes(parsed.hostname);
  } catch {
    return false;
  }
}

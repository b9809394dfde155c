/**
 * The built-in portal hosts (docs/domain.md, "Where it runs"). The content script runs there with no
 * setup, over http and https, on any path. Match patterns without a port match any port.
 */
export const BUILT_IN_PORTAL_HOSTS = [
  'hanhchinhcong.kontum.gov.vn',
  'dichvucong.kontum.gov.vn',
  'motcua.kontum.gov.vn',
] as const;

export const BUILT_IN_PORTAL_MATCHES: string[] = BUILT_IN_PORTAL_HOSTS.flatMap((host) => [
  `https://${host}/*`,
  `http://${host}/*`,
]);

export function isBuiltInPortalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    return (BUILT_IN_PORTAL_HOSTS as readonly string[]).includes(parsed.hostname);
  } catch {
    return false;
  }
}

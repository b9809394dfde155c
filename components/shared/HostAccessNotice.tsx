import type { Translate } from '@/lib/i18n/translate';
import { BUILT_IN_PORTAL_HOSTS } from '@/lib/portal/hosts';
import type { HostAccess } from './use-host-access';

export interface HostAccessNoticeProps {
  t: Translate;
  access: HostAccess;
  refused: boolean;
  justGranted: boolean;
  onGrant: () => void;
}

/**
 * Says that the browser withholds access to the portals, and asks for it with one button; once granted
 * by that button, says to reload the open portal pages. The `host-access` element carries the state
 * (checking, granted, missing) so that a test can tell "checked and granted" from "not checked yet".
 */
export function HostAccessNotice({ t, access, refused, justGranted, onGrant }: HostAccessNoticeProps) {
  return (
    <div className="host-access" data-testid="host-access" data-state={access}>
      {access === 'missing' && (
        <div className="error" role="alert" data-testid="host-access-notice">
          <p>{t('access.missing', { hosts: BUILT_IN_PORTAL_HOSTS.join(', ') })}</p>
          <button type="button" className="primary" data-testid="host-access-grant" onClick={onGrant}>
            {t('access.grant')}
          </button>
          {refused && <p>{t('access.refused')}</p>}
        </div>
      )}
      {access === 'granted' && justGranted && (
        <p className="hint" role="status" data-testid="host-access-granted">
          {t('access.granted')}
        </p>
      )}
    </div>
  );
}

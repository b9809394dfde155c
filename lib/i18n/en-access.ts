import type { viAccess } from './vi-access';

/** The English words of the portal access notice (popup and options); part of the catalog of en.ts. */
export const enAccess: Record<keyof typeof viAccess, string> = {
  'access.missing':
    'The browser has not allowed the extension to access the one-stop portal ({hosts}): it cannot read the dossier lists and shows no late-dossier panel on the portal.',
  'access.grant': 'Allow access to the one-stop portal',
  'access.refused':
    "The permission was not granted. Press the button again and choose “Allow”, or turn it on in the browser's add-on manager (Firefox: about:addons → this extension → Permissions).",
  'access.granted': 'Allowed. Reload the portal pages that are open so that the extension reads their lists.',
};

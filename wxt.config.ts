import { defineConfig } from 'wxt';
import { BUILT_IN_PORTAL_MATCHES } from './lib/portal/hosts';

/** Where an administrator may add an extra portal (asked for in options when it is added). */
const EXTRA_PORTAL_MATCHES = ['https://*/*', 'http://*/*'];

// Flat WXT config. Permissions are deliberately minimal: `storage` for settings, no `tabs`,
// no `downloads` (the CSV is a plain download from the popup page), no `<all_urls>`.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The consolidation page's parse worker is a module worker: as an ES module it can load the workbook
  // reader (ExcelJS) by a dynamic import only when a workbook comes, instead of inlining it.
  vite: () => ({ worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // `scripting` registers the content script on extra portals the user adds (optional hosts).
    // Firefox cannot make `alarms` optional, so there it is required; Chromium asks for it, with
    // `notifications`, only when the user turns the daily reminder on.
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'alarms'] : ['storage', 'scripting'],
    optional_permissions: browser === 'firefox' ? ['notifications'] : ['alarms', 'notifications'],
    host_permissions: BUILT_IN_PORTAL_MATCHES,
    // Extra portals are asked for at the moment the user adds them (options page).
    optional_host_permissions: EXTRA_PORTAL_MATCHES,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    action: { default_title: '__MSG_extName__' },
    // The panel is an extension page shown in a frame that the content script adds to the portal page;
    // a page may only frame a web-accessible resource. `use_dynamic_url` gives it an address that
    // changes every browser session, so no page can probe for the extension at a fixed address. The
    // matches are where the content script may run: the built-in portals and the extra portals an
    // administrator grants at run time (the manifest cannot list those in advance, so they are the
    // optional host patterns). A site that frames the panel without our content script in its tab gets
    // nothing: the frame takes its state only from the content script of its own tab's top frame.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: [...new Set([...BUILT_IN_PORTAL_MATCHES, ...EXTRA_PORTAL_MATCHES])],
        use_dynamic_url: true,
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'motcua-phu-luc@kontum.local',
              strict_min_version: '140.0',
              // Nothing leaves the user's machine.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

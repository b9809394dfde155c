import { defineConfig } from 'wxt';
import { BUILT_IN_PORTAL_MATCHES } from './lib/portal/hosts';

// Flat WXT config. Permissions are deliberately minimal: `storage` for settings, no `tabs`,
// no `downloads` (the CSV is a plain download from the popup page), no `<all_urls>`.
export default defineConfig({
  hooks: {
    // The content script renders the panel's React components with Preact's React-compatible runtime
    // instead of React DOM. It runs on every portal page, where React DOM (about 200 KiB) made its start
    // one long task of 100 ms or more (issue 3); Preact is about 19 KiB. Extension pages keep React.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const preact = [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ];
      const existing = config.resolve?.alias ?? [];
      const others = Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [...preact, ...others] };
    },
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    action: { default_title: '__MSG_extName__' },
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

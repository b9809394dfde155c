import { expect, openPopup, test } from './fixtures';

/**
 * Chromium grants a manifest's host permissions at install, so the notice that asks for the portals'
 * access (shown where Firefox withholds it; tests/firefox) never shows here: the check runs, finds the
 * access granted, and the popup and the options page show no notice.
 */
test('in Chromium the portals are granted at install: the popup and the options page check and show no access notice', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('host-access')).toHaveAttribute('data-state', 'granted');
  await expect(popup.getByTestId('host-access-notice')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('host-access')).toHaveAttribute('data-state', 'granted');
  await expect(options.getByTestId('host-access-notice')).toHaveCount(0);
});

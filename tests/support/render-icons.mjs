#!/usr/bin/env node
/**
 * Renders public/icon/icon.svg to the PNG sizes the manifest uses (16, 32, 48, 96, 128) with the system
 * Chromium. Run after changing the SVG: `node tests/support/render-icons.mjs`. The PNGs are committed.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './browser.mjs';

const svg = readFileSync('public/icon/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 96, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
  }
} finally {
  await browser.close();
}
console.log('icons written to public/icon/');

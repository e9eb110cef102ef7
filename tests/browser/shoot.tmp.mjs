import {chromium} from 'playwright-core';
import fs from 'node:fs';
const [,, url, out, w, h, action] = process.argv;
const dir = fs.mkdtempSync('/tmp/webdev/prof-');
const ctx = await chromium.launchPersistentContext(dir, {executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'],
  viewport: {width: +w, height: +h}, isMobile: +w < 500, hasTouch: +w < 500});
const page = ctx.pages()[0];
await page.goto(url); await page.locator('#summary strong').waitFor();
if (action) await eval(action);
await page.waitForTimeout(300);
await page.screenshot({path: out});
await ctx.close();

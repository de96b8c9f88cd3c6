// Opens a PDF in Chromium's own viewer (PDFium) and saves what a clerk would see as a PNG:
//   node pdf_viewer_shot.mjs IN.pdf OUT.png
// The viewer's toolbar and side panel are hidden and the first page fills the window, so the
// picture is the page and the dark viewer background around it. Chromium is the Debian package
// (CHROMIUM overrides the path); puppeteer-core only drives it.
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error('usage: node pdf_viewer_shot.mjs IN.pdf OUT.png');
  process.exit(2);
}
if (!existsSync(input)) {
  console.error(`pdf_viewer_shot: no such file: ${input}`);
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  // The tests run as root in CI: Chromium's sandbox refuses root. Grey anti-aliasing, not LCD
  // (coloured fringes on black text would look like the stamp's blue).
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-lcd-text'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 700, height: 1000 });
  const url = 'file://' + resolve(input) + '#toolbar=0&navpanes=0&view=Fit';
  // The viewer is an extension frame: navigation ends before PDFium has drawn the page, so
  // wait until two screenshots a moment apart agree (at most about ten seconds).
  await page.goto(url, { waitUntil: 'load' }).catch(() => {});
  let previous = null;
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const shot = await page.screenshot({ type: 'png' });
    if (previous && shot.equals(previous) && i >= 3) break;
    previous = shot;
  }
  await page.screenshot({ path: output, type: 'png' });
} finally {
  await browser.close();
}

// Drives the web application in Chromium as an office does, one letter through every step:
//   node web_flow.mjs BASE_URL LETTER.pdf SHOT_DIR
// The clerk receives it with its PDF, the director assigns it, the officer drafts a reply and
// sees its preview, the director returns it once and then approves, the signer signs, the clerk
// dispatches and files it. Passwords: SARABAN_PASSWORD_<USER>. Prints one JSON line of what
// the pages showed; exits non-zero at the first step that fails, naming it.
import puppeteer from 'puppeteer-core';

const [, , base, pdf, shots] = process.argv;
if (!base || !pdf || !shots) {
  console.error('usage: node web_flow.mjs BASE_URL LETTER.pdf SHOT_DIR');
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const result = { steps: [] };
let step = 'start';
try {
  const errors = [];
  let page = null, context = null;

  const as = async (user) => {
    step = 'log in as ' + user;
    // Each user in a browser context of their own, as on their own machine.
    // (the previous one stays open: closing a context can end a headless Chromium)
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(base + '/', { waitUntil: 'load' });
    await page.waitForSelector('#login-view:not([hidden])');
    await page.type('#login-form [name=user]', user);
    await page.type('#login-form [name=password]', process.env['SARABAN_PASSWORD_' + user.toUpperCase()] || '');
    await page.click('#login-form button[type=submit]');
    // Logged in once the first basket's list has loaded (the baskets are drawn before it).
    await page.waitForSelector('#app-view:not([hidden]) #letters[data-loaded]');
    result.steps.push(step);
  };
  // Chromium's PDF viewer draws a moment after its frame loads.
  const settle = () => new Promise((r) => setTimeout(r, 2500));
  const openBasket = async (key) => {
    await page.waitForSelector(`#baskets button[data-basket=${key}]`);
    await page.$eval(`#baskets button[data-basket=${key}]`, (b) => b.click());
    await page.waitForSelector(`#letters[data-loaded^="${key}:"]`);
  };
  const openLetter = async (id, stage) => {
    await page.waitForSelector(`#letters tr[data-id="${id}"]`);
    await page.$eval(`#letters tr[data-id="${id}"]`, (r) => r.click());
    await page.waitForSelector(`#letter-view[data-id="${id}"][data-stage="${stage}"]`);
  };
  const act = async (form, button, fill, stage) => {
    step = `${form}: ${button}`;
    for (const [name, value] of Object.entries(fill)) {
      const sel = `#letter-actions form[data-action=${form}] [name=${name}]`;
      const tag = await page.$eval(sel, (e) => e.tagName);
      if (tag === 'SELECT') await page.select(sel, value);
      else {
        await page.$eval(sel, (e) => { e.value = ''; });
        await page.type(sel, value);
      }
    }
    await page.click(`#letter-actions form[data-action=${form}] button[data-do=${button}]`);
    await page.waitForSelector(`#letter-view[data-stage="${stage}"]`);
    result.steps.push(step);
  };
  const draft = async (id, paragraph) => {
    step = 'draft the reply';
    await page.waitForSelector('#draft-card:not([hidden]) #preview[data-ready]');
    await page.$eval('#draft-form [name=body]', (e, p) => { e.value += '\n\n' + p; }, paragraph);
    await page.$eval('#draft-form [name=signer_name]', (e) => { e.value = ''; });
    await page.type('#draft-form [name=signer_name]', 'นายประเสริฐ ศรีสุข');
    // The preview follows the typing.
    const before = await page.$eval('#preview', (e) => e.dataset.ready);
    await page.waitForFunction((b) => document.querySelector('#preview').dataset.ready !== b, {}, before);
    const ms = await page.$eval('#preview-time', (e) => e.textContent);
    result.preview_text = ms;
    await page.click('#draft-form button[type=submit]');
    await page.waitForSelector(`#letter-view[data-id="${id}"][data-stage="drafted"]`);
    result.steps.push(step);
  };

  // The clerk receives the letter with its PDF.
  await as('somsri');
  step = 'receive';
  await page.click('#new-letter');
  await page.waitForSelector('#receive-view:not([hidden])');
  const input = await page.$('#receive-form input[type=file]');
  await input.uploadFile(pdf);
  await page.type('#receive-form [name=ref]', 'ศธ ๐๔๐๐๖/ว ๕๕๕');
  await page.type('#receive-form [name=from]', 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน');
  await page.type('#receive-form [name=to]', 'ผู้อำนวยการสำนักงาน');
  await page.type('#receive-form [name=subject]', 'ขอให้รายงานผลการใช้จ่ายงบประมาณไตรมาสที่หนึ่ง');
  await page.select('#receive-form [name=urgency]', 'ด่วน');
  await page.click('#receive-form button[type=submit]');
  await page.waitForSelector('#letter-view:not([hidden])[data-stage="received"] iframe#letter-pdf');
  const id = await page.$eval('#letter-view', (e) => e.dataset.id);
  result.id = Number(id);
  result.receive_title = await page.$eval('#letter-title', (e) => e.textContent);
  result.steps.push(step);

  // The director assigns it.
  await as('wichai');
  await openBasket('assign');
  await openLetter(id, 'received');
  await act('assign', 'assign', { to: 'napa', note: 'ดำเนินการตอบภายในกำหนด' }, 'assigned');

  // The officer drafts a reply and sees it.
  await as('napa');
  await openBasket('mine');
  await openLetter(id, 'assigned');
  await draft(id, 'ทั้งนี้ ได้แนบรายงานผลการใช้จ่ายงบประมาณมาพร้อมนี้');
  await settle();
  // The page's own picture, clipped to the card: the PDF viewer is a frame of its own, which an
  // element's screenshot leaves out.
  // The form beside its preview, as the officer sees it with the letter's details scrolled away.
  await page.$eval('#letter-view > .card', (e) => { e.style.display = 'none'; });
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle();
  await page.screenshot({ path: shots + '/draft-preview.png' });
  await page.$eval('#letter-view > .card', (e) => { e.style.display = ''; });

  // The director returns it once, the officer redrafts, the director approves.
  await as('wichai');
  await openBasket('review');
  await openLetter(id, 'drafted');
  await act('review', 'return', { note: 'โปรดระบุจำนวนเงินที่เบิกจ่ายแล้ว' }, 'returned');
  await as('napa');
  await openBasket('mine');
  await openLetter(id, 'returned');
  await draft(id, 'โดยเบิกจ่ายแล้วเป็นเงิน ๑,๒๕๐,๐๐๐ บาท');
  await as('wichai');
  await openBasket('review');
  await openLetter(id, 'drafted');
  await act('review', 'approve', { note: 'เห็นชอบ' }, 'approved');

  // The signer signs with a typed name.
  await as('prasert');
  await openBasket('sign');
  await openLetter(id, 'approved');
  await act('sign', 'sign', { typed_name: 'นายประเสริฐ ศรีสุข' }, 'signed');

  // The clerk dispatches and files it.
  await as('somsri');
  await openBasket('dispatch');
  await openLetter(id, 'signed');
  await act('dispatch', 'dispatch', { via: 'ระบบสารบรรณอิเล็กทรอนิกส์' }, 'dispatched');
  result.dispatch_message = await page.$eval('#action-note', (e) => e.textContent);
  await settle();
  await page.screenshot({ path: shots + '/letter-page.png', fullPage: true });
  await act('file', 'file', { keep_years: '10' }, 'filed');
  result.history = await page.$$eval('#history tbody tr', (rows) => rows.map((r) => r.children[1].textContent));
  step = 'the whole register';
  await openBasket('all');
  result.listed = await page.$$eval('#letters tbody tr.letter', (rows) => rows.length);
  await page.screenshot({ path: shots + '/baskets.png' });
  result.page_errors = errors;
  console.log(JSON.stringify(result));
} catch (e) {
  console.error(`web_flow: failed at "${step}": ${e.message}`);
  console.error(JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}

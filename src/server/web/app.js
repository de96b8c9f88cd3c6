'use strict';
// Saraban's interface: one page, talking to /api/ only. Every rule is the server's; this file
// only shows what the server answers and sends what the user typed.
const state = { me: null, basket: null, offset: 0, cursors: [], next: null, limit: 50, q: '', register: '', letter: null, previewUrl: null };
const $ = (sel) => document.querySelector(sel);
const thaiDigits = (s) => String(s).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[d]);
const stageNames = { received: 'รับแล้ว', assigned: 'มอบหมายแล้ว', drafted: 'ร่างแล้ว', returned: 'ส่งกลับแก้ไข', approved: 'ตรวจแล้ว',
  signed: 'ลงนามแล้ว', dispatched: 'ส่งแล้ว', filed: 'เก็บแล้ว', closed: 'ปิดเรื่อง', issued: 'ออกเลขแล้ว', cancelled: 'ยกเลิก' };
const registerNames = { receive: 'รับ', send: 'ส่ง', order: 'คำสั่ง', announcement: 'ประกาศ', certificate: 'หนังสือรับรอง', secret: 'ลับ' };

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error.message + (body.error.context ? ' (' + body.error.context + ')' : '') : 'HTTP ' + status);
    this.status = status;
  }
}

async function api(method, path, body) {
  const headers = {};
  let payload;
  if (method !== 'GET' && state.me) headers['X-CSRF-Token'] = state.me.csrf;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const type = res.headers.get('Content-Type') || '';
  if (type.startsWith('application/pdf')) {
    if (!res.ok) throw new ApiError(res.status, null);
    return res.blob();
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(c));
  return e;
}

function show(view) {
  for (const v of ['list-view', 'receive-view', 'letter-view']) $('#' + v).hidden = v !== view;
}

// ---------------------------------------------------------------- session

async function start() {
  try {
    state.me = await api('GET', '/api/session');
    enterApp();
  } catch (e) {
    showLogin();
  }
}

function showLogin() {
  state.me = null;
  $('#app-view').hidden = true;
  $('#login-view').hidden = false;
  $('#logout').hidden = true;
  $('#who').textContent = '';
}

$('#login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target;
  $('#login-error').textContent = '';
  try {
    state.me = await api('POST', '/api/session', { user: f.user.value, password: f.password.value });
    f.password.value = '';
    enterApp();
  } catch (e) {
    $('#login-error').textContent = e.status === 429 ? 'เข้าสู่ระบบผิดหลายครั้ง กรุณารอสักครู่: ' + e.message
      : 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง';
  }
});

$('#logout').addEventListener('click', async () => {
  try { await api('DELETE', '/api/session'); } finally { showLogin(); }
});

const roleNames = { clerk: 'เจ้าหน้าที่สารบรรณ', director: 'ผู้อำนวยการกลุ่ม', officer: 'เจ้าหน้าที่ผู้ปฏิบัติ', signer: 'ผู้ลงนาม', admin: 'ผู้ดูแลระบบ' };

function enterApp() {
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  $('#logout').hidden = false;
  $('#who').textContent = state.me.user + ' · ' + (roleNames[state.me.role] || state.me.role);
  $('#new-letter').hidden = !['clerk', 'admin'].includes(state.me.role);
  loadBaskets(true);
}

// ---------------------------------------------------------------- baskets and lists

async function loadBaskets(openFirst) {
  const { baskets } = await api('GET', '/api/baskets');
  const nav = $('#baskets');
  nav.replaceChildren();
  for (const b of baskets) {
    nav.append(el('button', { 'data-basket': b.key, class: state.basket === b.key ? 'active' : '', onclick: () => openBasket(b.key, b.title) },
      el('span', {}, b.title), el('span', { class: 'count' + (b.count ? '' : ' zero') }, thaiDigits(b.count.toLocaleString('en-US')))));
  }
  nav.append(reportLinks());
  if (openFirst && baskets.length) openBasket(baskets[0].key, baskets[0].title);
}

// The year's reports, computed by the server from what this user may see.
function reportLinks() {
  const year = new Date().getFullYear() + 543;
  const links = [[`/api/reports/year/${year}.pdf`, 'สรุปผลการรับ-ส่ง (PDF)'], [`/api/reports/year/${year}.xlsx`, 'สรุปผลการรับ-ส่ง (XLSX)'],
    [`/api/reports/book/receive/${year}.pdf`, 'ทะเบียนหนังสือรับ'], [`/api/reports/book/send/${year}.pdf`, 'ทะเบียนหนังสือส่ง'],
    [`/api/reports/disposal/${year + 1}.pdf`, 'บัญชีหนังสือขอทำลาย']];
  return el('div', { id: 'reports' }, el('h3', {}, 'รายงานปี ' + thaiDigits(year)),
    ...links.map(([href, title]) => el('a', { href, download: '' }, title)));
}

function openBasket(key, title) {
  state.basket = key;
  state.offset = 0;
  state.cursors = [];
  state.q = '';
  $('#search-form').q.value = '';
  $('#list-title').textContent = title;
  for (const b of document.querySelectorAll('#baskets button')) b.classList.toggle('active', b.dataset.basket === key);
  loadList();
}

async function loadList() {
  show('list-view');
  // Lists page by cursor (as fast far down a long register as at its top); a search by offset.
  const p = new URLSearchParams({ basket: state.basket || 'all', limit: state.limit });
  if (state.q) p.set('offset', state.offset);
  else if (state.cursors.length) p.set('before', state.cursors[state.cursors.length - 1]);
  if (state.q) p.set('q', state.q);
  if (state.register) p.set('register', state.register);
  const body = $('#letters tbody');
  delete $('#letters').dataset.loaded;
  try {
    const r = await api('GET', '/api/letters?' + p);
    body.replaceChildren(...r.entries.map(letterRow));
    if (!r.entries.length) body.append(el('tr', {}, el('td', { colspan: 8 }, 'ไม่มีหนังสือในรายการนี้')));
    const last = state.offset + r.entries.length;
    $('#page-info').textContent = r.entries.length ? thaiDigits(`${state.offset + 1}–${last} จาก ${r.count.toLocaleString('en-US')}`) : '';
    $('#prev').disabled = state.offset === 0;
    state.next = r.next || null;
    $('#next').disabled = last >= r.count || (!state.q && !state.next);
    $('#letters').dataset.loaded = state.basket + ':' + state.offset;
  } catch (e) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 8, class: 'error' }, e.message)));
  }
}

function letterRow(e) {
  return el('tr', { class: 'letter', 'data-id': e.id, onclick: () => openLetter(e.id) },
    el('td', {}, registerNames[e.register] + ' ' + thaiDigits(e.number + '/' + e.year)),
    el('td', {}, e.ref), el('td', {}, e.dated ? thaiDigits(e.dated) : ''), el('td', {}, e.from), el('td', {}, e.subject),
    el('td', { class: e.urgency !== 'ปกติ' ? 'urgent' : '' }, e.urgency),
    el('td', {}, (stageNames[e.stage] || e.stage) + (e.cancelled ? ' (ยกเลิก)' : '')), el('td', {}, e.assignee || ''));
}

$('#search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  state.q = ev.target.q.value.trim();
  state.register = ev.target.register.value;
  state.offset = 0;
  state.cursors = [];
  loadList();
});
$('#prev').addEventListener('click', () => {
  state.offset = Math.max(0, state.offset - state.limit);
  state.cursors.pop();
  loadList();
});
$('#next').addEventListener('click', () => {
  state.offset += state.limit;
  if (!state.q) state.cursors.push(state.next);
  loadList();
});

// ---------------------------------------------------------------- receive

$('#new-letter').addEventListener('click', () => {
  $('#receive-form').reset();
  $('#drop-name').textContent = '';
  $('#duplicates').textContent = '';
  $('#receive-error').textContent = '';
  show('receive-view');
});

const drop = $('#drop');
const fileInput = $('#receive-form').file;
drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  if (ev.dataTransfer.files.length) { fileInput.files = ev.dataTransfer.files; fileChosen(); }
});
fileInput.addEventListener('change', fileChosen);
function fileChosen() { $('#drop-name').textContent = fileInput.files.length ? ' · ' + fileInput.files[0].name : ''; }

async function checkDuplicates() {
  const f = $('#receive-form');
  if (!f.from.value || !f.ref.value) { $('#duplicates').textContent = ''; return; }
  const p = new URLSearchParams({ from: f.from.value, ref: f.ref.value });
  if (f.dated.value) p.set('dated', f.dated.value);
  const r = await api('GET', '/api/duplicates?' + p);
  $('#duplicates').textContent = r.count
    ? 'อาจซ้ำกับหนังสือที่ลงทะเบียนแล้ว: ' + r.entries.map((e) => 'รับ ' + thaiDigits(e.number + '/' + e.year)).join(', ') : '';
}
for (const n of ['from', 'ref', 'dated']) $('#receive-form')[n].addEventListener('change', checkDuplicates);

$('#receive-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#receive-error').textContent = '';
  try {
    const r = await api('POST', '/api/letters', new FormData(ev.target));
    await loadBaskets(false);
    openLetter(r.id, 'stamped');
  } catch (e) {
    $('#receive-error').textContent = e.message;
  }
});

// ---------------------------------------------------------------- a letter's page

async function openLetter(id, showFile) {
  const d = await api('GET', '/api/letters/' + id);
  delete $('#letter-view').dataset.stage;
  state.letter = d;
  show('letter-view');
  $('#letter-title').textContent = (registerNames[d.register] || d.register) + ' ' + thaiDigits(d.number + '/' + d.year) + ' · ' + d.subject;
  const fields = [['ที่', d.ref], ['ลงวันที่', d.dated && thaiDigits(d.dated)], ['จาก', d.from], ['ถึง', d.to], ['เรื่อง', d.subject],
    ['ชั้นความเร็ว', d.urgency], ['ชั้นความลับ', d.secrecy === 'none' ? '-' : d.secrecy], ['ขั้นตอน', stageNames[d.stage] || d.stage],
    ['ผู้รับผิดชอบ', d.assignee], ['กำหนดเสร็จ', d.due && thaiDigits(d.due)], ['รับเมื่อ', thaiDigits(d.registered)], ['ส่งทาง', d.via]];
  $('#letter-fields').replaceChildren(...fields.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const files = $('#letter-files');
  files.replaceChildren();
  const kinds = d.attachments.map((a) => a.kind);
  if (d.letter) kinds.push('reply');
  const titles = { original: 'ต้นฉบับ (PDF)', stamped: 'ฉบับประทับตรารับ (PDF)', reply: 'หนังสือตอบ (PDF)' };
  for (const k of new Set(kinds)) files.append(el('a', { href: `/api/letters/${id}/files/${k}`, target: '_blank', 'data-file': k }, titles[k] || k));
  const wanted = showFile || (kinds.includes('stamped') ? 'stamped' : null);
  if (wanted && kinds.includes(wanted)) files.append(el('iframe', { id: 'letter-pdf', title: titles[wanted], src: `/api/letters/${id}/files/${wanted}#navpanes=0&view=FitH` }));
  $('#history tbody').replaceChildren(...d.history.map((h) => el('tr', {}, el('td', {}, thaiDigits(h.at)), el('td', {}, h.action),
    el('td', {}, stageNames[h.stage] || h.stage), el('td', {}, h.by), el('td', {}, h.comment))));
  const log = d.access_log || [];
  $('#access-card').hidden = log.length === 0;
  $('#access tbody').replaceChildren(...log.map((a) => el('tr', {}, el('td', {}, thaiDigits(a.at)), el('td', {}, a.user), el('td', {}, a.command))));
  $('#action-error').textContent = '';
  $('#action-note').textContent = '';
  await renderActions(d);
  // What the page shows, for the tests that drive it: which letter, at which stage.
  $('#letter-view').dataset.id = String(d.id);
  $('#letter-view').dataset.stage = d.stage;
}

function actionForm(title, fields, buttons) {
  const form = el('form', { 'data-action': title }, ...fields);
  for (const b of buttons) form.append(el('button', { type: 'button', class: b.secondary ? 'secondary' : '', 'data-do': b.name, onclick: () => run(form, b) }, b.label));
  return form;
}

async function run(form, b) {
  $('#action-error').textContent = '';
  try {
    const r = await api('POST', `/api/letters/${state.letter.id}/${b.path}`, b.body(form));
    await loadBaskets(false);
    await openLetter(state.letter.id);
    if (r.number && b.path === 'dispatch') $('#action-note').textContent = 'ออกเลขทะเบียนส่ง ' + thaiDigits(r.number + '/' + r.year) + ' ที่ ' + r.ref;
  } catch (e) {
    $('#action-error').textContent = e.message;
  }
}

const field = (label, name, type = 'text') => el('label', {}, label, el('input', { name, type }));

async function renderActions(d) {
  const box = $('#letter-actions');
  box.replaceChildren();
  $('#draft-card').hidden = true;
  const role = state.me.role, any = role === 'admin';
  if (d.cancelled) return;
  if ((role === 'director' || any) && d.stage === 'received') {
    const { users } = await api('GET', '/api/users');
    const select = el('select', { name: 'to' }, ...users.filter((u) => u.role === 'officer').map((u) => el('option', { value: u.user }, u.user)));
    box.append(actionForm('assign', [el('label', {}, 'มอบหมายให้', select), field('กำหนดเสร็จ', 'due', 'date'), field('คำสั่งการ', 'note')],
      [{ name: 'assign', label: 'มอบหมาย', path: 'assign', body: (f) => ({ to: f.to.value, due: f.due.value || null, note: f.note.value }) }]));
  }
  if ((role === 'officer' || any) && ['assigned', 'returned', 'drafted'].includes(d.stage)) openDraft(d);
  if ((role === 'director' || any) && d.stage === 'drafted') {
    box.append(actionForm('review', [field('ความเห็น', 'note')], [
      { name: 'approve', label: 'เห็นชอบ', path: 'review', body: (f) => ({ approve: true, note: f.note.value }) },
      { name: 'return', label: 'ส่งกลับแก้ไข', secondary: true, path: 'review', body: (f) => ({ approve: false, note: f.note.value }) }]));
  }
  if ((role === 'signer' || any) && d.stage === 'approved') {
    box.append(actionForm('sign', [field('พิมพ์ชื่อผู้ลงนาม', 'typed_name'), field('หมายเหตุ', 'note')],
      [{ name: 'sign', label: 'ลงนาม', path: 'sign', body: (f) => ({ typed_name: f.typed_name.value, note: f.note.value }) }]));
  }
  if ((role === 'clerk' || any) && d.stage === 'signed') {
    box.append(actionForm('dispatch', [field('ส่งทาง', 'via')],
      [{ name: 'dispatch', label: 'ออกเลขและส่ง', path: 'dispatch', body: (f) => ({ via: f.via.value }) }]));
  }
  if ((role === 'clerk' || any) && d.stage === 'dispatched') {
    const keep = el('input', { name: 'keep_years', type: 'number', min: 1, max: 100, value: 10 });
    box.append(actionForm('file', [el('label', {}, 'อายุการเก็บ (ปี)', keep)],
      [{ name: 'file', label: 'เก็บเข้าแฟ้ม', path: 'file', body: (f) => ({ keep_years: Number(f.keep_years.value) }) }]));
  }
  if (!['filed', 'closed', 'cancelled'].includes(d.stage) && (role === 'clerk' || role === 'director' || any)) {
    box.append(actionForm('close', [field('เหตุผล', 'note')], [
      { name: 'close', label: 'ปิดเรื่อง', secondary: true, path: 'close', body: (f) => ({ note: f.note.value }) },
      { name: 'cancel', label: 'ยกเลิกเลขทะเบียน', secondary: true, path: 'cancel', body: (f) => ({ note: f.note.value }) }]));
  }
}

// ---------------------------------------------------------------- drafting with a live preview

function letterFromForm(base, f) {
  const letter = JSON.parse(JSON.stringify(base));
  letter.ref = f.ref.value;
  letter.to = f.to.value;
  letter.subject = f.subject.value;
  letter.body = f.body.value.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p);
  letter.signer = Object.assign({}, letter.signer, { name: f.signer_name.value, position: f.signer_position.value ? [f.signer_position.value] : [] });
  return letter;
}

let draftBase = null, previewTimer = null, previewSeq = 0;

async function openDraft(d) {
  const { letter } = await api('GET', `/api/letters/${d.id}/reply-template`);
  draftBase = letter;
  const f = $('#draft-form');
  f.ref.value = letter.ref || '';
  f.to.value = letter.to || '';
  f.subject.value = letter.subject || '';
  f.body.value = (letter.body || []).filter((p) => typeof p === 'string').join('\n\n');
  f.signer_name.value = (letter.signer && letter.signer.name) || '';
  f.signer_position.value = (letter.signer && letter.signer.position && letter.signer.position[0]) || '';
  $('#draft-card').hidden = false;
  delete $('#preview').dataset.ready;
  schedulePreview(0);
}

function schedulePreview(delay = 300) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, delay);
}

async function preview() {
  const seq = ++previewSeq;
  const started = performance.now();
  try {
    const pdf = await api('POST', '/api/preview', { letter: letterFromForm(draftBase, $('#draft-form')) });
    if (seq !== previewSeq) return;
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = URL.createObjectURL(pdf);
    $('#preview').src = state.previewUrl + '#toolbar=0&navpanes=0&view=FitH';
    $('#preview-time').textContent = 'ตัวอย่างพร้อมใน ' + thaiDigits(Math.round(performance.now() - started)) + ' มิลลิวินาที';
    $('#preview').dataset.ready = String(seq);
  } catch (e) {
    if (seq === previewSeq) $('#preview-time').textContent = e.message;
  }
}

$('#draft-form').addEventListener('input', () => schedulePreview());
$('#draft-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#action-error').textContent = '';
  try {
    await api('POST', `/api/letters/${state.letter.id}/draft`, { letter: letterFromForm(draftBase, ev.target) });
    await loadBaskets(false);
    await openLetter(state.letter.id);
    $('#action-note').textContent = 'บันทึกร่างแล้ว';
  } catch (e) {
    $('#action-error').textContent = e.message;
  }
});

start();

import { h } from '../../../layanan/dom.js';

// "Permohonan saya": the applicant's own requests, opened from Tasklist's header (registered in
// ../config.js), as a panel over Tasklist that fits a phone. It reads /api/permohonan-saya with the
// session (MyRequestsController: her own requests only), every 30 s while open. In the local demo,
// "Pemberitahuan" beside it shows the notices sent to the user (/api/kotak-surat, notify/Mailbox;
// the administrator sees all); where that endpoint is absent (production) the entry stays hidden.
// Whatever comes from data is set as text, never parsed as HTML.

const PANEL_ID = 'permohonan-saya';
const OPEN_PARAM = 'permohonan-saya';
const REFRESH_MS = 30000;
// the application's root, as the forms find it (Tasklist's <base app-root="/camunda">)
const ROOT = `${document.querySelector('base').getAttribute('app-root')}/..`;

const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function time(iso) {
  return iso ? `${WIB.format(new Date(iso))} WIB` : '–';
}


function addStylesOnce() {
  if (!document.querySelector('link[data-permohonan-saya]')) {
    document.head.append(h('link', {
      rel: 'stylesheet', href: new URL('permohonan-saya.css', import.meta.url).href, 'data-permohonan-saya': true,
    }));
  }
}

function line(label, value, attributes = {}) {
  return value ? h('div', { class: 'ps-line', ...attributes }, h('dt', null, label), h('dd', null, value)) : null;
}

function card(request) {
  const ended = Boolean(request.ended);
  return h('li', { class: `ps-request ps-${request.stage.toLowerCase()}`, 'data-number': request.number },
    h('h3', null, request.number),
    h('p', { class: 'ps-state' }, request.state),
    request.detail ? h('p', { class: 'ps-detail' }, request.detail) : null,
    h('dl', null,
      line('Dibuka', time(request.opened)),
      line('Giliran', request.turn),
      line('Langkah saat ini', request.step),
      line('Waktu baku', request.standardTime),
      line('Batas waktu', request.due ? time(request.due) + (request.overdue ? ' (terlambat)' : '') : null,
        { class: request.overdue ? 'ps-line ps-overdue' : 'ps-line' }),
      ended ? line('Selesai', time(request.ended)) : null),
    request.taskId
      ? h('a', { class: 'btn btn-primary ps-open-task', href: `#/?task=${encodeURIComponent(request.taskId)}`, onclick: close },
        'Buka tugas saya')
      : null);
}

let timer = null;

function close() {
  document.getElementById(PANEL_ID)?.remove();
  clearInterval(timer);
  timer = null;
}

async function getJson(path) {
  const response = await fetch(`${ROOT}${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(response.status === 401 ? 'Sesi berakhir; silakan masuk lagi.'
      : `Daftar tidak dapat dimuat (HTTP ${response.status}).`);
  }
  return response.json();
}

const MY_REQUESTS = {
  title: 'Permohonan saya',
  path: '/api/permohonan-saya',
  item: card,
  summary: (count) => (count
    ? `${count} permohonan, terbaru di atas.`
    : 'Anda belum pernah membuka permohonan. Mulai dengan "Mulai proses" → "Lupa Passphrase".'),
};

function notice(item) {
  return h('li', { class: 'ps-request ps-notice' },
    h('h3', null, item.subject),
    h('dl', null, line('Kepada', item.to.join(', ')), line('Dikirim', time(item.sent))),
    h('p', { class: 'ps-text' }, item.text));
}

const NOTICES = {
  title: 'Pemberitahuan',
  path: '/api/kotak-surat',
  item: notice,
  summary: (count) => (count
    ? `${count} pemberitahuan e-mail, terbaru di atas (kotak surat demo).`
    : 'Belum ada pemberitahuan untuk Anda.'),
};

async function load(view, list, status) {
  try {
    const items = await getJson(view.path);
    list.replaceChildren(...items.map(view.item));
    status.textContent = `${view.summary(items.length)} Diperbarui ${time(new Date().toISOString())}.`;
    status.classList.remove('text-danger');
  } catch (error) {
    status.textContent = error.message;
    status.classList.add('text-danger');
  }
}

/** On a phone the header's menu folds away again, and the panel starts under the header. */
function placeUnderHeader(panel) {
  const toggle = document.querySelector('[cam-widget-header] .navbar-toggle.open');
  if (toggle) {
    toggle.click();
  }
  requestAnimationFrame(() => {
    const header = document.querySelector('[cam-widget-header]');
    panel.style.top = `${header ? header.getBoundingClientRect().bottom : 0}px`;
  });
}

function open(view) {
  close();
  addStylesOnce();
  document.getElementById('konfirmasi-langkah')?.remove();
  const list = h('ul', { class: 'ps-list' });
  const status = h('p', { class: 'ps-status', role: 'status' }, 'Memuat…');
  const panel = h('section', { id: PANEL_ID, class: 'ps-panel', role: 'dialog', 'aria-label': view.title },
    h('header', { class: 'ps-head' },
      h('h2', null, view.title),
      h('button', { type: 'button', class: 'btn btn-default ps-reload', onclick: () => load(view, list, status) }, 'Muat ulang'),
      h('button', { type: 'button', class: 'btn btn-default ps-close', onclick: close }, 'Tutup')),
    status, list);
  document.body.append(panel);
  placeUnderHeader(panel);
  load(view, list, status);
  timer = setInterval(() => load(view, list, status), REFRESH_MS);
}

function entry(node, label, icon, view) {
  node.replaceChildren(h('a', {
    href: '', class: 'ps-open',
    onclick: (event) => { event.preventDefault(); open(view); },
  }, h('span', { class: `glyphicon ${icon}` }), ` ${label}`));
}

export default [
  {
    id: 'permohonan-saya',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node) => {
      entry(node, 'Permohonan saya', 'glyphicon-list-alt', MY_REQUESTS);
      // a notice's link opens the page: …/tasklist/default/#/?permohonan-saya=1
      if (new URLSearchParams(window.location.hash.split('?')[1] || '').has(OPEN_PARAM)) {
        open(MY_REQUESTS);
      }
    },
  },
  {
    id: 'kotak-surat',
    pluginPoint: 'tasklist.navbar.action',
    priority: 190,
    render: (node) => {
      entry(node, 'Pemberitahuan', 'glyphicon-envelope', NOTICES);
      // shown where the mailbox exists (the local demo), for whoever is logged in
      delete document.body.dataset.mailbox;
      getJson(NOTICES.path).then(() => { document.body.dataset.mailbox = 'true'; }).catch(() => {});
    },
  },
];

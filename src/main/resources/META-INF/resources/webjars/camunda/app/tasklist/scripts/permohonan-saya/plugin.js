// "Permohonan saya": the applicant's own requests, opened from Tasklist's header (registered in
// ../config.js), as a panel over Tasklist that fits a phone. It reads /api/permohonan-saya with the
// session (MyRequestsController: her own requests only), every 30 s while open. Whatever comes from
// data is set as text, never parsed as HTML.

const PANEL_ID = 'permohonan-saya';
const OPEN_PARAM = 'permohonan-saya';
const REFRESH_MS = 30000;
// the application's root, as the forms find it (Tasklist's <base app-root="/camunda">)
const URL_MY_REQUESTS = `${document.querySelector('base').getAttribute('app-root')}/../api/permohonan-saya`;

const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function time(iso) {
  return iso ? `${WIB.format(new Date(iso))} WIB` : '–';
}

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
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

async function load(list, status) {
  try {
    const response = await fetch(URL_MY_REQUESTS,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(response.status === 401 ? 'Sesi berakhir; silakan masuk lagi.'
        : `Daftar permohonan tidak dapat dimuat (HTTP ${response.status}).`);
    }
    const requests = await response.json();
    list.replaceChildren(...requests.map(card));
    status.textContent = requests.length
      ? `${requests.length} permohonan, terbaru di atas. Diperbarui ${time(new Date().toISOString())}.`
      : 'Anda belum pernah membuka permohonan. Mulai dengan "Mulai proses" → "Lupa Passphrase".';
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

function open() {
  close();
  addStylesOnce();
  const list = h('ul', { class: 'ps-list' });
  const status = h('p', { class: 'ps-status', role: 'status' }, 'Memuat…');
  const panel = h('section', { id: PANEL_ID, class: 'ps-panel', role: 'dialog', 'aria-label': 'Permohonan saya' },
    h('header', { class: 'ps-head' },
      h('h2', null, 'Permohonan saya'),
      h('button', { type: 'button', class: 'btn btn-default ps-reload', onclick: () => load(list, status) }, 'Muat ulang'),
      h('button', { type: 'button', class: 'btn btn-default ps-close', onclick: close }, 'Tutup')),
    status, list);
  document.body.append(panel);
  placeUnderHeader(panel);
  load(list, status);
  timer = setInterval(() => load(list, status), REFRESH_MS);
}

export default {
  id: 'permohonan-saya',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node) => {
    node.replaceChildren(h('a', {
      href: '', class: 'ps-open',
      onclick: (event) => { event.preventDefault(); open(); },
    }, h('span', { class: 'glyphicon glyphicon-list-alt' }), ' Permohonan saya'));
    // a notice's link opens the page: …/tasklist/default/#/?permohonan-saya=1
    if (new URLSearchParams(window.location.hash.split('?')[1] || '').has(OPEN_PARAM)) {
      open();
    }
  },
};

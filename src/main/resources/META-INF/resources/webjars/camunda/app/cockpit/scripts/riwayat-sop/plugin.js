import { historyApi } from './api.js';
import { h } from './dom.js';
import { historyPage } from './history-page.js';
import { requestPage } from './request-page.js';
import { timeline } from './timeline.js';
import { app } from '../../../layanan/layanan.js';

// The "Riwayat SOP" pages of Cockpit (registered in ../config.js): the history of every request,
// finished ones included, which the community Cockpit does not show, and one request's record.

function addStylesOnce() {
  if (!document.querySelector('link[data-riwayat-sop]')) {
    document.head.append(h('link', {
      rel: 'stylesheet', href: new URL('riwayat-sop.css', import.meta.url).href, 'data-riwayat-sop': true,
    }));
  }
}

/** The request id in a route such as #/riwayat-sop/<id>?viewbox=… */
function requestIdFromLocation() {
  return decodeURIComponent(window.location.hash.split('?')[0].split('/')[2] || '');
}

// as Cockpit titles its own pages: "<vendor> <app> | <page>"
const { vendor, name } = app('Cockpit');
const TITLE = `${vendor} ${name} | Riwayat SOP`;

let cleanUpRequestPage = () => {};

export default [
  {
    id: 'riwayat-sop-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: '/riwayat-sop' },
    render: (node) => node.append(h('a', { href: '#/riwayat-sop' }, 'Riwayat SOP')),
  },
  {
    id: 'riwayat-sop-history',
    pluginPoint: 'cockpit.route',
    properties: { path: '/riwayat-sop' },
    render: (node, { api }) => {
      addStylesOnce();
      document.title = TITLE;
      historyPage(node, api);
    },
  },
  {
    id: 'riwayat-sop-request',
    pluginPoint: 'cockpit.route',
    properties: { path: '/riwayat-sop/:id' },
    render: (node, { api }) => {
      addStylesOnce();
      document.title = TITLE;
      cleanUpRequestPage = requestPage(node, api, requestIdFromLocation());
    },
    unmount: () => cleanUpRequestPage(),
  },
  {
    // the same timeline next to Cockpit's own view of a running instance
    id: 'riwayat-sop-runtime-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    properties: { label: 'Linimasa SOP' },
    render: (node, { api, processInstanceId }) => {
      addStylesOnce();
      historyApi(api).request(processInstanceId)
        .then((record) => node.replaceChildren(h('div', { class: 'rsop' },
          timeline(record.steps),
          h('p', null, h('a', { href: `#/riwayat-sop/${encodeURIComponent(processInstanceId)}` },
            'Buka catatan lengkap di Riwayat SOP')))))
        .catch((error) => node.replaceChildren(h('p', { class: 'rsop-muted' },
          error.status === 404 ? 'Bukan permohonan Lupa Passphrase.' : error.message)));
    },
  },
];

import { historyApi } from './api.js';
import { diagram } from './diagram.js';
import { h, tableOrNone } from './dom.js';
import {
  AMS_RESULT, applicant, change, DECISION, duration, INCIDENT_STATE, operation, OUTCOME, time,
} from './format.js';
import { timeline } from './timeline.js';

// One request, running or finished: its path on the diagram, the SOP timeline, the decisions and
// notes recorded with tasks, the AMS calls, incidents and the user operations. Returns the function that cleans up.
export function requestPage(node, api, id) {
  const history = historyApi(api);
  let removeDiagram = () => {};
  // a load overtaken by a newer one (the route rendered again before this one answered) draws nothing
  const load = {};
  node.rsopLoad = load;
  const current = () => node.rsopLoad === load;
  node.replaceChildren(h('p', { class: 'rsop-muted' }, 'Memuat…'));
  history.request(id)
    .then((record) => {
      if (!current()) return undefined;
      const diagramHolder = h('div', { class: 'rsop-diagram' });
      node.replaceChildren(page(record, diagramHolder));
      return history.diagramXml(record.request.definitionId).then((xml) => {
        if (current()) removeDiagram = diagram(diagramHolder, xml, record);
      });
    })
    .catch((error) => {
      if (current()) node.replaceChildren(back(), h('p', { class: 'alert alert-danger' }, error.message));
    });
  return () => removeDiagram();
}

function page(record, diagramHolder) {
  const request = record.request;
  return h('section', { class: 'rsop', 'data-request': request.businessKey },
    back(),
    h('h2', null, `Permohonan ${request.businessKey || request.id}`),
    h('dl', { class: 'rsop-facts' },
      fact('Pemohon', applicant(request)),
      fact('Versi SOP', `versi ${request.version} (diagram yang berlaku saat permohonan dibuka)`),
      fact('Mulai', time(request.start)),
      fact('Selesai', request.end ? time(request.end) : 'belum selesai'),
      fact('Durasi total', duration(request.durationSeconds)),
      fact('Hasil', OUTCOME[request.outcome]),
      fact('Pelanggaran waktu baku', request.breaches ? `Ya, ${request.breaches} kali` : 'Tidak')),
    record.problems.length
      ? h('div', { class: 'alert alert-warning rsop-problems' },
        h('strong', null, 'Catatan permohonan ini tidak seperti yang ditulis sistem (diubah oleh administrator):'),
        h('ul', null, record.problems.map((problem) => h('li', null, problem))))
      : null,
    request.outcome === 'BERJALAN'
      ? h('p', null, h('a', { href: `#/process-instance/${encodeURIComponent(request.id)}/runtime` },
        'Buka permohonan yang berjalan ini di tampilan Cockpit biasa'))
      : null,
    h('h3', null, 'Jalur permohonan'),
    h('p', { class: 'rsop-muted' },
      'Hijau: dilalui; biru: sedang berlangsung; angka: berapa kali dilalui; ⚠: pelanggaran waktu baku.'),
    diagramHolder,
    h('h3', null, 'Linimasa SOP'),
    timeline(record.steps),
    h('h3', null, 'Keputusan dan catatan'),
    tableOrNone(['Waktu', 'Tugas', 'Oleh', 'Keputusan', 'Alasan / catatan', 'Yang diperiksa'],
      record.decisions.map((decision) => h('tr', null,
        h('td', null, time(decision.at)),
        h('td', null, decision.task),
        h('td', null, decision.by || '–'),
        h('td', null, decision.decision ? DECISION[decision.decision] || decision.decision : '–'),
        h('td', null, decision.reason || '–'),
        h('td', { class: 'rsop-checked' }, decision.checked || '–'))),
      'Belum ada keputusan atau catatan.'),
    h('h3', null, 'Panggilan AMS'),
    tableOrNone(['Waktu', 'Layanan', 'Hasil', 'Keterangan'],
      record.amsCalls.map((call) => h('tr', { class: call.result === 'BERHASIL' ? null : 'rsop-over' },
        h('td', null, time(call.at)),
        h('td', null, call.name),
        h('td', null, AMS_RESULT[call.result]),
        h('td', null, call.detail || '–'))),
      'Belum ada panggilan ke AMS.'),
    h('h3', null, 'Insiden'),
    tableOrNone(['Muncul', 'Aktivitas', 'Pesan', 'Status', 'Berakhir', 'Diselesaikan oleh'],
      record.incidents.map((incident) => h('tr', null,
        h('td', null, time(incident.created)),
        h('td', null, incident.activityName),
        h('td', null, incident.message || incident.type),
        h('td', null, INCIDENT_STATE[incident.state]),
        h('td', null, time(incident.ended)),
        h('td', null, incident.state === 'DISELESAIKAN'
          ? `${incident.resolvedBy || '–'} (menjalankan ulang)` : '–'))),
      'Tidak ada insiden.'),
    h('h3', null, 'Log operasi pengguna'),
    tableOrNone(['Waktu', 'Pengguna', 'Operasi', 'Sasaran', 'Perubahan'],
      record.operations.map((entry) => h('tr', null,
        h('td', null, time(entry.at)),
        h('td', null, entry.user || '–'),
        h('td', null, operation(entry.type)),
        h('td', null, entry.target || (entry.entityType === 'ProcessInstance' ? 'permohonan' : entry.entityType)),
        h('td', null, entry.changes.length ? entry.changes.map(change).join('; ') : '–'))),
      'Belum ada operasi pengguna.'));
}

function fact(label, value) {
  return [h('dt', null, label), h('dd', null, value)];
}

function back() {
  return h('p', null, h('a', { href: '#/riwayat-sop' }, '« Kembali ke Riwayat SOP'));
}

import { historyApi } from './api.js';
import { durationChart, outcomeChart, withinStandardChart } from './charts.js';
import { dateField, monthChoices } from './dates.js';
import { h, table, tableOrNone } from './dom.js';
import { applicant, duration, OUTCOME, percent, time } from './format.js';

// "Riwayat SOP": every request, running and finished, newest first and paged, with filters; the
// compliance summary of the same requests with their CSV, its charts, and the same as a printable
// report for the period the filter selects.

const PAGE_SIZE = 20;
// the source of the versions the application deploys from its own bpmn/ and forms/ (audit/SopVersion.java)
const APPLICATION = 'lupa-passphrase application';
// the filter is kept for the session, so coming back from a request finds the list as it was
const STORED = 'riwayat-sop.filter';
const EMPTY = { from: '', to: '', outcome: '', breached: '', applicant: '', businessKey: '' };

export function historyPage(node, api) {
  const history = historyApi(api);
  const state = { filter: { ...EMPTY, ...JSON.parse(sessionStorage.getItem(STORED) || '{}') }, first: 0 };
  const list = h('div', { class: 'rsop-list' });
  const summary = h('div', { class: 'rsop-summary' });
  const charts = h('div', { class: 'rsop-charts' });
  const period = h('p', { class: 'rsop-print-only rsop-report-period' });
  const unit = select('unit', 'bulan', [['bulan', 'Per bulan'], ['minggu', 'Per minggu']]);
  unit.addEventListener('change', () => loadCharts());
  const versions = h('div', { class: 'rsop-versions' });
  const form = filterForm(state.filter, (filter) => {
    state.filter = filter;
    state.first = 0;
    sessionStorage.setItem(STORED, JSON.stringify(filter));
    load();
  });

  function loadCharts(lastSummary) {
    loading(charts);
    history.trend(state.filter, unit.value)
      .then((trend) => charts.replaceChildren(
        outcomeChart(trend), withinStandardChart(trend), ...(lastSummary ? [durationChart(lastSummary)] : [])))
      .catch((error) => failed(charts, error));
  }

  function load() {
    loading(list);
    loading(summary);
    period.textContent = reportPeriod(state.filter);
    history.requests(state.filter, state.first, PAGE_SIZE)
      .then((page) => list.replaceChildren(requestTable(page), pager(page, (first) => {
        state.first = first;
        load();
      })))
      .catch((error) => failed(list, error));
    history.summary(state.filter)
      .then((result) => {
        summary.replaceChildren(...summaryTables(result), h('p', { class: 'rsop-actions rsop-no-print' },
          h('a', { class: 'btn btn-default rsop-csv', href: history.csvUrl(state.filter), download: '' },
            'Unduh CSV (satu baris per permohonan per langkah)'),
          h('button', { type: 'button', class: 'btn btn-default rsop-print', onclick: () => window.print() },
            'Cetak laporan kepatuhan')));
        loadCharts(result);
      })
      .catch((error) => failed(summary, error));
  }

  function loadVersions() {
    loading(versions);
    history.versions()
      .then((list) => versions.replaceChildren(versionTable(list)))
      .catch((error) => failed(versions, error));
  }

  node.replaceChildren(h('section', { class: 'rsop rsop-history' },
    h('h2', { class: 'rsop-no-print' }, 'Riwayat SOP Lupa Passphrase'),
    h('div', { class: 'rsop-print-only' },
      h('h2', null, 'Laporan Kepatuhan SOP Lupa Passphrase'),
      h('p', null, 'Bidang Persandian, Diskominfosantik Kabupaten Kapuas'),
      period,
      h('p', null, `Dicetak ${time(new Date().toISOString())}`)),
    h('p', { class: 'rsop-muted rsop-no-print' },
      'Semua permohonan, yang berjalan maupun yang sudah selesai, terbaru di atas. Semua waktu dalam WIB (Asia/Jakarta).'),
    form, h('div', { class: 'rsop-no-print' }, list),
    h('h3', null, 'Ringkasan kepatuhan'),
    h('p', { class: 'rsop-muted' }, 'Untuk permohonan yang sesuai dengan saringan di atas (periode: tanggal permohonan dibuka).'),
    summary,
    h('h3', null, 'Grafik kepatuhan'),
    h('label', { class: 'rsop-field rsop-no-print' }, h('span', null, 'Periode grafik'), unit),
    charts,
    h('h3', null, 'Versi diagram SOP'),
    h('p', { class: 'rsop-muted' },
      'Setiap permohonan berjalan pada versi yang berlaku saat dibuka; versi terbaru berlaku untuk permohonan baru.'),
    versions));
  load();
  loadVersions();
}

function filterForm(filter, apply) {
  const field = (label, input) => h('label', { class: 'rsop-field' }, h('span', null, label), input);
  const inputs = {
    from: dateField('from', filter.from),
    to: dateField('to', filter.to),
    outcome: select('outcome', filter.outcome, [['', 'Semua'],
      ...['DITERBITKAN', 'DITOLAK', 'DIBATALKAN', 'KEDALUWARSA', 'BERJALAN'].map((code) => [code.toLowerCase(), OUTCOME[code]])]),
    breached: select('breached', filter.breached, [['', 'Semua'], ['ya', 'Ya'], ['tidak', 'Tidak']]),
    applicant: h('input', { type: 'text', name: 'applicant', class: 'form-control', value: filter.applicant,
      placeholder: 'mis. ani', size: 10 }),
    businessKey: h('input', { type: 'text', name: 'businessKey', class: 'form-control', value: filter.businessKey,
      placeholder: 'LP-…', size: 18 }),
  };
  const read = () => Object.fromEntries(Object.entries(inputs)
    .map(([name, input]) => [name, input.isoValue ? input.isoValue() : input.value.trim()]));
  const valid = () => [inputs.from, inputs.to].every((input) => input.check());
  // a month picked sets both dates: the period of a monthly report
  const month = select('month', '', [['', 'Pilih bulan…'], ...monthChoices(24)]);
  month.addEventListener('change', () => {
    if (month.value) {
      const [first, last] = month.value.split('/');
      inputs.from.setIso(first);
      inputs.to.setIso(last);
      apply(read());
    }
  });
  return h('form', {
    class: 'rsop-filter rsop-no-print',
    novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      if (valid()) {
        apply(read());
      }
    },
  },
  field('Bulan', month),
  field('Dari tanggal', inputs.from.field),
  field('Sampai tanggal', inputs.to.field),
  field('Hasil', inputs.outcome),
  field('Pelanggaran waktu baku', inputs.breached),
  field('Pemohon (ID pengguna)', inputs.applicant),
  field('Nomor permohonan', inputs.businessKey),
  h('div', { class: 'rsop-actions' },
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Terapkan'),
    h('button', {
      type: 'button',
      class: 'btn btn-default',
      onclick: () => {
        Object.entries(inputs).forEach(([name, input]) => (input.setIso ? input.setIso(EMPTY[name]) : (input.value = EMPTY[name])));
        month.value = '';
        apply(read());
      },
    }, 'Atur ulang')));
}

function select(name, value, options) {
  return h('select', { name, class: 'form-control' },
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: optionValue === value }, label)));
}

function requestTable(page) {
  return tableOrNone(
    ['Nomor permohonan', 'Versi SOP', 'Pemohon', 'Mulai', 'Selesai', 'Durasi total', 'Hasil', 'Pelanggaran waktu baku'],
    page.rows.map((row) => h('tr', { 'data-request': row.businessKey },
      h('td', null, h('a', { href: `#/riwayat-sop/${encodeURIComponent(row.id)}` }, row.businessKey || row.id)),
      h('td', null, row.version),
      h('td', null, applicant(row)),
      h('td', null, time(row.start)),
      h('td', null, row.end ? time(row.end) : '–'),
      h('td', null, duration(row.durationSeconds)),
      h('td', null, h('span', { class: `rsop-outcome rsop-outcome-${row.outcome.toLowerCase()}` }, OUTCOME[row.outcome])),
      h('td', { class: row.breaches ? 'rsop-over' : null }, row.breaches ? `Ya (${row.breaches})` : 'Tidak',
        row.problems.length ? h('span', { class: 'rsop-problem', title: row.problems.join('; ') },
          ' ⚠ catatan tidak sesuai') : null))),
    'Tidak ada permohonan yang sesuai dengan saringan.');
}

function versionTable(list) {
  return tableOrNone(['Versi', 'Dipasang', 'Oleh', 'Dari', 'Nama deployment'],
    list.map((version) => h('tr', { 'data-version': version.version },
      h('td', null, version.version),
      h('td', null, time(version.deployedAt)),
      h('td', null, version.deployedBy || (version.source === APPLICATION ? 'aplikasi saat mulai' : '–')),
      h('td', null, version.source === APPLICATION ? 'berkas bpmn/ dan forms/ aplikasi' : version.source || '–'),
      h('td', null, version.deploymentName || '–'))),
    'Belum ada versi yang boleh Anda lihat.');
}

function pager(page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.maxResults));
  const current = Math.floor(page.firstResult / page.maxResults) + 1;
  return h('div', { class: 'rsop-pager' },
    h('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: current <= 1,
      onclick: () => go(page.firstResult - page.maxResults) }, '« Sebelumnya'),
    h('span', null, ` Halaman ${current} dari ${pages} (${page.total} permohonan) `),
    h('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: current >= pages,
      onclick: () => go(page.firstResult + page.maxResults) }, 'Berikutnya »'));
}

function summaryTables(summary) {
  return [
    h('div', { class: 'rsop-summary-tables' },
      table(['Hasil', 'Jumlah permohonan'], [
        ...Object.entries(summary.byOutcome).map(([outcome, count]) =>
          h('tr', null, h('td', null, OUTCOME[outcome]), h('td', null, count))),
        h('tr', { class: 'rsop-total' }, h('td', null, 'Jumlah'), h('td', null, summary.requests))],
      { 'data-summary': 'outcomes' }),
      table(['Langkah', 'Waktu baku', 'Dijalankan', 'Dapat dinilai', 'Dalam waktu baku', 'Separuh selesai dalam',
        '9 dari 10 selesai dalam'],
        summary.steps.map((step) => h('tr', { 'data-step': step.step },
          h('td', null, `${step.step}. ${step.title}`),
          h('td', null, step.standardSeconds === null ? 'berbeda antarversi' : duration(step.standardSeconds)),
          h('td', null, step.runs),
          h('td', null, step.judged),
          h('td', null, `${percent(step.withinShare)} (${step.withinStandard} dari ${step.judged})`),
          h('td', null, duration(step.medianSeconds)),
          h('td', null, duration(step.p90Seconds)))),
        { 'data-summary': 'steps' })),
    h('p', { class: 'rsop-muted' },
      'Dapat dinilai: langkah yang sudah selesai atau sudah melewati waktu bakunya (yang masih berjalan dalam waktu baku '
      + 'belum dinilai). "Separuh selesai dalam": separuh dari langkah yang diselesaikan selesai dalam waktu itu atau '
      + 'lebih cepat (median); "9 dari 10 selesai dalam": begitu pula untuk sembilan dari sepuluh.'),
  ];
}

/** "Periode: 1 Des 2026 – 31 Des 2026", as the report's heading says it. */
function reportPeriod(filter) {
  const day = (iso) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
  if (!filter.from && !filter.to) {
    return 'Periode: semua permohonan';
  }
  return `Periode: ${filter.from ? day(filter.from) : 'awal'} – ${filter.to ? day(filter.to) : 'hari ini'}`;
}

function loading(container) {
  container.replaceChildren(h('p', { class: 'rsop-muted' }, 'Memuat…'));
}

function failed(container, error) {
  container.replaceChildren(h('p', { class: 'alert alert-danger' }, error.message));
}

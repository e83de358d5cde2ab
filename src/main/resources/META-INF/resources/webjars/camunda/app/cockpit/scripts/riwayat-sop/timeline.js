import { h, tableOrNone } from './dom.js';
import { duration, time, VERDICT } from './format.js';

// The SOP timeline: each run of steps 1 to 4 against its standard time, breaches marked. A step counted in
// service hours shows its service time, the one judged, and the wall-clock time beside it.
export function timeline(steps) {
  return tableOrNone(
    ['Langkah', 'Ke-', 'Dikerjakan oleh', 'Mulai', 'Selesai', 'Durasi', 'Waktu baku', 'Penilaian', 'Pelanggaran waktu baku'],
    steps.map((step) => h('tr', { class: step.verdict === 'MELEBIHI' ? 'rsop-over' : null, 'data-step': step.step },
      h('td', null, `${step.step}. ${step.title}`),
      h('td', null, step.run),
      h('td', null, step.doneBy || '–'),
      h('td', null, time(step.start)),
      h('td', null, step.end ? time(step.end) : 'belum selesai'),
      h('td', null, step.serviceHours
        ? `${duration(step.durationSeconds)} jam layanan (${duration(step.wallClockSeconds)} jam dinding)`
        : duration(step.durationSeconds)),
      h('td', null, duration(step.standardSeconds)),
      h('td', null, h('span', { class: `rsop-verdict rsop-verdict-${step.verdict.toLowerCase()}` }, VERDICT[step.verdict])),
      h('td', { class: 'rsop-breaches' }, step.breaches.length
        ? step.breaches.map((breach) => h('div', { class: 'rsop-breach' },
          `⚠ batas ${time(breach.dueAt)}; tercatat ${time(breach.firedAt)}; penanggung jawab: ${breach.responsible || '–'}`))
        : '–'))),
    'Belum ada langkah SOP.');
}

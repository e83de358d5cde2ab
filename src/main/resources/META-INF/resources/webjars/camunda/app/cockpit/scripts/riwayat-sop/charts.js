import { h } from './dom.js';
import { duration, OUTCOME, percent } from './format.js';

// The auditor's charts, drawn as SVG from the same answers as the tables (the summary, and the
// trend: the summary period by period). A few bars and lines need no chart library in Cockpit's page.

const NS = 'http://www.w3.org/2000/svg';
const OUTCOME_COLOUR = {
  DITERBITKAN: '#1a7f37',
  DITOLAK: '#8a4b00',
  DIBATALKAN: '#6c757d',
  KEDALUWARSA: '#d4a017',
  DIHENTIKAN: '#b00020',
  BERJALAN: '#0a58ca',
};
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(NS, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, String(value)));
  children.flat().filter((child) => child !== null && child !== undefined)
    .forEach((child) => element.append(child instanceof Node ? child : String(child)));
  return element;
}

/** "Des 2026" for a month, "7 Des" for the week that starts that Monday. */
function periodLabel(trend, start) {
  const day = new Date(`${start}T00:00:00Z`);
  return trend.unit === 'MONTH' ? MONTH.format(day) : DAY.format(day);
}

function figure(title, explanation, drawing, legend) {
  return h('figure', { class: 'rsop-chart' },
    h('figcaption', null, h('strong', null, title), h('span', { class: 'rsop-muted' }, ` ${explanation}`)),
    drawing, legend || null);
}

function legendOf(entries) {
  return h('ul', { class: 'rsop-legend' }, entries.map(([label, colour]) =>
    h('li', null, h('span', { class: 'rsop-swatch', style: `background:${colour}` }), label)));
}

/** Requests per period, each bar split by how they ended. */
export function outcomeChart(trend) {
  const outcomes = Object.keys(OUTCOME_COLOUR);
  const totals = trend.periods.map((period) => period.summary.requests);
  const highest = Math.max(1, ...totals);
  const bar = 28;
  const gap = 14;
  const height = 180;
  const width = 40 + trend.periods.length * (bar + gap);
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${height + 40}`, width, role: 'img',
    'aria-label': 'Jumlah permohonan per periode menurut hasil', 'data-chart': 'outcomes' },
  svg('text', { x: 0, y: 12, class: 'rsop-axis' }, String(highest)),
  svg('line', { x1: 30, y1: height, x2: width, y2: height, class: 'rsop-axis-line' }),
  trend.periods.map((period, index) => {
    const x = 40 + index * (bar + gap);
    let top = height;
    const label = periodLabel(trend, period.start);
    return svg('g', { 'data-period': period.start },
      outcomes.map((outcome) => {
        const count = period.summary.byOutcome[outcome] || 0;
        const tall = (count / highest) * (height - 20);
        top -= tall;
        return count ? svg('rect', { x, y: top, width: bar, height: tall, fill: OUTCOME_COLOUR[outcome] },
          svg('title', null, `${label}: ${count} ${OUTCOME[outcome].toLowerCase()}`)) : null;
      }),
      svg('text', { x: x + bar / 2, y: top - 4, 'text-anchor': 'middle', class: 'rsop-value' }, String(period.summary.requests)),
      svg('text', { x: x + bar / 2, y: height + 16, 'text-anchor': 'middle', class: 'rsop-axis' }, label));
  }));
  return figure('Permohonan per periode', 'menurut hasilnya; angka di atas batang: jumlah permohonan yang dibuka.',
    drawing, legendOf(outcomes.map((outcome) => [OUTCOME[outcome], OUTCOME_COLOUR[outcome]])));
}

/** For each step, the share of its runs within the standard time, period by period. */
export function withinStandardChart(trend) {
  const steps = trend.periods.length ? trend.periods[trend.periods.length - 1].summary.steps : [];
  const bar = 28;
  const gap = 14;
  const height = 90;
  const width = 40 + trend.periods.length * (bar + gap);
  const rows = steps.map((step) => {
    const drawing = svg('svg', { viewBox: `0 0 ${width} ${height + 22}`, width, role: 'img',
      'aria-label': `Langkah ${step.step}: bagian yang selesai dalam waktu baku per periode`, 'data-chart': `step-${step.step}` },
    svg('text', { x: 0, y: 24, class: 'rsop-axis' }, '100%'),
    svg('text', { x: 0, y: height, class: 'rsop-axis' }, '0%'),
    svg('line', { x1: 30, y1: height, x2: width, y2: height, class: 'rsop-axis-line' }),
    trend.periods.map((period, index) => {
      const x = 40 + index * (bar + gap);
      const run = period.summary.steps.find((candidate) => candidate.step === step.step);
      const label = periodLabel(trend, period.start);
      if (!run || run.withinShare === null) {
        return svg('text', { x: x + bar / 2, y: height - 4, 'text-anchor': 'middle', class: 'rsop-axis' }, '–',
          svg('title', null, `${label}: belum ada yang dinilai`));
      }
      const tall = run.withinShare * (height - 20);
      return svg('g', null,
        svg('text', { x: x + bar / 2, y: height - tall - 4, 'text-anchor': 'middle', class: 'rsop-value' }, percent(run.withinShare)),
        svg('rect', { x, y: height - tall, width: bar, height: tall, class: run.withinShare < 1 ? 'rsop-bar-short' : 'rsop-bar-full' },
          svg('title', null, `${label}: ${percent(run.withinShare)} (${run.withinStandard} dari ${run.judged})`)),
        svg('text', { x: x + bar / 2, y: height + 16, 'text-anchor': 'middle', class: 'rsop-axis' }, label));
    }));
    return h('div', { class: 'rsop-step-chart' }, h('div', null, `${step.step}. ${step.title}`), drawing);
  });
  return figure('Ketepatan waktu tiap langkah', 'bagian langkah yang selesai dalam waktu baku, per periode (batang penuh: semuanya tepat waktu).',
    h('div', null, rows));
}

/** For each step, how long its finished runs took against its standard time. */
export function durationChart(summary) {
  const steps = summary.steps.filter((step) => step.medianSeconds !== null);
  const longest = Math.max(1, ...steps.flatMap((step) => [step.p90Seconds, step.standardSeconds || 0]));
  const width = 520;
  const scale = (seconds) => (seconds / longest) * (width - 10);
  const row = 44;
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${steps.length * row + 4}`, width, role: 'img',
    'aria-label': 'Lama tiap langkah dibandingkan waktu bakunya', 'data-chart': 'durations' },
  steps.map((step, index) => {
    const y = index * row;
    return svg('g', { 'data-step': step.step },
      svg('text', { x: 0, y: y + 12, class: 'rsop-axis' }, `${step.step}. ${step.title}`),
      svg('rect', { x: 0, y: y + 18, width: scale(step.p90Seconds), height: 18, class: 'rsop-bar-p90' },
        svg('title', null, `9 dari 10 selesai dalam ${duration(step.p90Seconds)}`)),
      svg('rect', { x: 0, y: y + 18, width: scale(step.medianSeconds), height: 18, class: 'rsop-bar-median' },
        svg('title', null, `Separuh selesai dalam ${duration(step.medianSeconds)}`)),
      step.standardSeconds === null ? null : svg('line', { x1: scale(step.standardSeconds), x2: scale(step.standardSeconds),
        y1: y + 15, y2: y + 39, class: 'rsop-standard' }, svg('title', null, `Waktu baku ${duration(step.standardSeconds)}`)));
  }));
  return figure('Lama tiap langkah', 'dibandingkan waktu bakunya (garis merah), untuk langkah yang sudah diselesaikan.',
    drawing, legendOf([['Separuh selesai dalam', '#0a58ca'], ['9 dari 10 selesai dalam', '#9ec5fe'], ['Waktu baku', '#b00020']]));
}

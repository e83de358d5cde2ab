import { h } from './dom.js';

// Dates as Indonesians write them (05/12/2026), whatever the browser's language: a date input would
// show the browser's own order (mm/dd/yyyy in an English browser). The API takes ISO dates.

const WRITTEN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function iso(year, month, day) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-12-05" as "05/12/2026". */
function written(isoDate) {
  if (!isoDate) {
    return '';
  }
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** "5/12/2026" as "2026-12-05", or null when it is not a day of the calendar. */
function parse(text) {
  const match = WRITTEN.exec(text);
  if (!match) {
    return null;
  }
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? iso(year, month, day) : null;
}

/**
 * A date field written dd/mm/yyyy: field is what the form shows (the input and its error), check()
 * says at the field what is wrong, isoValue() is the date for the API ('' when empty).
 */
export function dateField(name, isoDate) {
  const input = h('input', { type: 'text', name, class: 'form-control', value: written(isoDate), size: 10,
    inputmode: 'numeric', placeholder: 'hh/bb/tttt', autocomplete: 'off' });
  const error = h('span', { class: 'rsop-error', role: 'alert' });
  const check = () => {
    const text = input.value.trim();
    const wrong = text !== '' && parse(text) === null;
    error.textContent = wrong ? 'Tulis tanggal sebagai hh/bb/tttt, mis. 05/12/2026.' : '';
    input.classList.toggle('rsop-invalid', wrong);
    input.setAttribute('aria-invalid', String(wrong));
    return !wrong;
  };
  input.addEventListener('change', check);
  return {
    field: h('span', { class: 'rsop-date' }, input, error),
    check,
    isoValue: () => (input.value.trim() === '' ? '' : parse(input.value.trim())),
    setIso: (value) => {
      input.value = written(value);
      check();
    },
  };
}

/** The last count months, newest first, as [first day/last day, "Desember 2026"]. */
export function monthChoices(count) {
  const now = new Date();
  // the month as it is in WIB (UTC+7, no daylight saving)
  const wib = new Date(now.getTime() + 7 * 3600 * 1000);
  const choices = [];
  for (let back = 0; back < count; back += 1) {
    const first = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    choices.push([`${first.toISOString().slice(0, 10)}/${last.toISOString().slice(0, 10)}`, MONTH.format(first)]);
  }
  return choices;
}

import { h } from '../../../layanan/dom.js';

export { h };

/** A table with a header row and one row per item. */
export function table(headers, rows, attributes = {}) {
  return h('table', { class: 'table table-striped table-condensed rsop-table', ...attributes },
    h('thead', null, h('tr', null, headers.map((header) => h('th', null, header)))),
    h('tbody', null, rows));
}

/** A table, or a line saying there is nothing to show. */
export function tableOrNone(headers, rows, none) {
  return rows.length ? table(headers, rows) : h('p', { class: 'rsop-muted' }, none);
}

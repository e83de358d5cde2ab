// Builds DOM nodes. Children that are not nodes become text nodes, so whatever comes from data
// (names, reasons, messages) is shown as text and never parsed as HTML.
export function h(tag, attributes, ...children) {
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

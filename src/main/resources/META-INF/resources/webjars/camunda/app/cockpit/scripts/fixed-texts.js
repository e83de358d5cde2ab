// The few English words Cockpit's own templates write as fixed text, not through its locale files
// (locales/id.json says the rest): put into Indonesian where they appear, as Cockpit draws them.

const FIXED = [
  // an empty field of a request or a version (tenant, parent request)
  ['.null-value', 'null', '–'],
  // the variables table: a letter's type and its link
  ['[cam-widget-variables-table]', 'File', 'Berkas'],
  ['[cam-widget-variables-table]', 'Download', 'Unduh'],
];

function translate(root) {
  for (const [selector, english, indonesian] of FIXED) {
    for (const element of root.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent.trim() === english) {
          node.textContent = node.textContent.replace(english, indonesian);
        }
      }
    }
  }
}

let watching = false;

export default {
  id: 'fixed-texts',
  pluginPoint: 'cockpit.navigation',
  priority: 0,
  render: () => {
    if (!watching) {
      watching = true;
      translate(document.body);
      new MutationObserver(() => translate(document.body)).observe(document.body, { childList: true, subtree: true, characterData: true });
    }
  },
};

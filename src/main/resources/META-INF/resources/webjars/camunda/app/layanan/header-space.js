// The pages start below the header (layanan.css): 45 px on a wide screen. On a phone the header is
// taller (the service's name on a line of its own under the menu button, about 130 px) and would lie
// over the start of the page; its height is kept in the CSS variable --layanan-header, with its menu
// folded: an unfolded menu lies over the page a moment and is not counted.

const HEADER = '[cam-widget-header]';

function measure(header) {
  if (!header.querySelector('.navbar-toggle.open')) {
    document.documentElement.style.setProperty('--layanan-header', `${Math.ceil(header.getBoundingClientRect().bottom)}px`);
  }
}

const header = document.querySelector(HEADER);
if (header) {
  new ResizeObserver(() => measure(header)).observe(header);
}

// no plugin: the observer above is all
export default [];

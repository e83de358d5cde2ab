// The confirmation after a step of the SOP moved on (step-confirmation.js after "Selesaikan",
// start-confirmation.js after "Mulai"): a box that names the request and what happens next, where
// the eye is, and Tasklist's error notices of earlier tries closed. All of it is set as text.

const API = `${document.querySelector('base').getAttribute('app-root')}/../api/permohonan-saya`;
const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const BOX_ID = 'konfirmasi-langkah';

/** Shows the lines (the first in bold) in place of any confirmation shown before. */
export function show(lines) {
  putAway();
  const box = document.createElement('div');
  box.id = BOX_ID;
  box.className = 'alert alert-success konfirmasi-langkah';
  box.setAttribute('role', 'status');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Tutup');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.append(close);
  lines.forEach((text, index) => {
    const line = document.createElement(index === 0 ? 'strong' : 'p');
    line.textContent = text;
    box.append(line);
  });
  const header = document.querySelector('[cam-widget-header]');
  box.style.top = `${(header ? header.getBoundingClientRect().bottom : 0) + 8}px`;
  document.body.append(box);
}

export function putAway() {
  document.getElementById(BOX_ID)?.remove();
}

/** Closes Tasklist's error notices: the try they were about has now succeeded. */
export function closeErrors() {
  document.querySelectorAll('.page-notifications .alert-danger button.close').forEach((button) => button.click());
}

/**
 * What happens next to the request, as lines: for the applicant from her own page's endpoint
 * (/api/permohonan-saya/<number>); for staff, who may not read it, the next person is the one told by e-mail.
 */
export async function nextFor(number) {
  try {
    const response = await fetch(`${API}/${encodeURIComponent(number)}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) {
      const request = await response.json();
      const due = request.due ? ` Batas waktu ${WIB.format(new Date(request.due))} WIB.` : '';
      return [`Berikutnya: ${request.state}. Giliran: ${request.turn}.${due}`,
        'Ikuti permohonan Anda di "Permohonan saya".'];
    }
  } catch (error) {
    // the confirmation stands without the next step
  }
  return ['Berikutnya: pihak yang mendapat giliran diberi tahu lewat e-mail.'];
}

// a confirmation is a module, not a plugin
export default [];

// After "Selesaikan" succeeds, a confirmation that names the request and says what happens next, and
// the error notices of earlier tries are closed. Tasklist itself only closes the form. The request
// number is read from the task's name (the server appends it: process/ProcessListeners.java); for
// the applicant "what next" comes from her own page's endpoint (/api/permohonan-saya/<number>), for
// staff, who may not read it, the next person is the one told by e-mail. All of it is set as text.

const NUMBER = /LP-\d{8}-[A-Z0-9]{6}/;
const COMPLETE = "button[ng-click='complete()']";
const API = `${document.querySelector('base').getAttribute('app-root')}/../api/permohonan-saya`;
const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function taskIdInLocation() {
  return new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
}

function show(lines) {
  document.getElementById('konfirmasi-langkah')?.remove();
  const box = document.createElement('div');
  box.id = 'konfirmasi-langkah';
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

async function nextFor(number) {
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

/** Waits until Tasklist closed the task (success) or showed an error (the form stays). */
function afterCompletion(taskId, name) {
  const errorsBefore = document.querySelectorAll('.page-notifications .alert-danger').length;
  const started = Date.now();
  const timer = setInterval(async () => {
    if (document.querySelectorAll('.page-notifications .alert-danger').length > errorsBefore
      || Date.now() - started > 30000) {
      clearInterval(timer);
    } else if (taskIdInLocation() !== taskId) {
      clearInterval(timer);
      document.querySelectorAll('.page-notifications .alert-danger button.close').forEach((button) => button.click());
      const number = (NUMBER.exec(name) || [])[0];
      const step = name.replace(NUMBER, '').replace(/\s*·\s*$/, '');
      show([number ? `Permohonan ${number}: "${step}" selesai.` : `"${step}" selesai.`,
        ...(number ? await nextFor(number) : [])]);
    }
  }, 200);
}

// opening the next task puts the confirmation away
window.addEventListener('hashchange', () => {
  if (taskIdInLocation()) {
    document.getElementById('konfirmasi-langkah')?.remove();
  }
});

document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest(COMPLETE)) {
    const header = document.querySelector('.names h2.task');
    afterCompletion(taskIdInLocation(), header ? header.textContent.trim() : '');
  }
}, true);

// no plugin: the listener above is all
export default [];

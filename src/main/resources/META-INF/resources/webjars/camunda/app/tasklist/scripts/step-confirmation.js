import { closeErrors, nextFor, putAway, show } from './confirmation.js';

// After "Selesaikan" succeeds, a confirmation that names the request and says what happens next
// (confirmation.js), and the error notices of earlier tries are closed. Tasklist itself only closes
// the form. The request number is read from the task's name (the server appends it:
// process/ProcessListeners.java).

const NUMBER = /LP-\d{8}-[A-Z0-9]{6}/;
const COMPLETE = "button[ng-click='complete()']";

function taskIdInLocation() {
  return new URLSearchParams(window.location.hash.split('?')[1] || '').get('task');
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
      closeErrors();
      const number = (NUMBER.exec(name) || [])[0];
      const step = name.replace(NUMBER, '').replace(/\s*·\s*$/, '');
      show([number ? `Permohonan ${number}: "${step}" selesai.` : `"${step}" selesai.`,
        ...(number ? await nextFor(number) : [])]);
    }
  }, 200);
}

// opening another task puts the confirmation away (not Tasklist's other changes to the address,
// such as closing the start dialog)
let shownTask = taskIdInLocation();
window.addEventListener('hashchange', () => {
  const task = taskIdInLocation();
  if (task && task !== shownTask) {
    putAway();
  }
  shownTask = task;
});

document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest(COMPLETE)) {
    const header = document.querySelector('.names h2.task');
    afterCompletion(taskIdInLocation(), header ? header.textContent.trim() : '');
  }
}, true);

// no plugin: the listener above is all
export default [];

import { closeErrors, nextFor, show } from './confirmation.js';

// After "Mulai" in the start dialog succeeds, a confirmation that names the new request's number and
// what happens next (confirmation.js), and the error notices of earlier tries are closed. Tasklist's
// own notice ("Proses telah dimulai.") knows no number: the dialog keeps the engine's answer to itself,
// so the answer to the start (POST process-definition/…/submit-form or …/start, the new instance with
// its business key, which the server sets: request/OpenRequestListener.java) is read as it arrives.

const START = /\/process-definition\/.+\/(submit-form|start)$/;

async function started(answer) {
  let number;
  try {
    number = JSON.parse(answer).businessKey;
  } catch (error) {
    return;
  }
  closeErrors();
  show([number ? `Permohonan ${number} dibuka.` : 'Permohonan dibuka.', ...(number ? await nextFor(number) : [])]);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function openAndWatchStarts(method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START.test(new URL(url, window.location.href).pathname)) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        started(this.responseText);
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

// no plugin: the watch above is all
export default [];

// The checks of Camunda Forms (form-js 1.8, steps 3 and 4 and the AMS review) say what is wrong in
// English ("Field is required."), and form-js has no translations: each message is put into
// Indonesian as it appears under its field. Only the known messages are replaced, as text.

const MESSAGES = [
  [/^Field is required\.$/, () => 'Wajib diisi.'],
  [/^Field must be a valid email\.$/, () => 'Isi dengan alamat e-mail yang sah.'],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => 'Isi dengan nomor telepon internasional yang sah (mis. +6281234567890).'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Paling sedikit ${n} karakter.`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Paling banyak ${n} karakter.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `Paling kecil ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `Paling besar ${n}.`],
  [/^Field must match pattern .*$/, () => 'Isian tidak sesuai dengan format yang diminta.'],
];

// the text node form-js keeps is changed in place, so its next update still lands where it is seen
function translate(node) {
  const text = node.data.trim();
  for (const [english, indonesian] of MESSAGES) {
    const match = english.exec(text);
    if (match) {
      node.data = indonesian(...match.slice(1));
      return;
    }
  }
}

new MutationObserver(() => document.querySelectorAll('.fjs-form-field-error li').forEach((item) => item.childNodes
  .forEach((node) => node.nodeType === Node.TEXT_NODE && translate(node))))
  .observe(document.body, { childList: true, subtree: true, characterData: true });

// The server names the refused variable before its reason ("nik: NIK tidak sah …", for the logs and
// the API's callers); Tasklist's error notice shows the reason alone (the form shows it at the field).
// When the server cannot be reached at all, Tasklist's HTTP client says so in English.
const VARIABLE_PREFIX = /^[a-z][A-Za-z0-9]*: (?=\S)/;
const UNREACHABLE = /^Request has been terminated\s+Possible causes: the network is offline/;

new MutationObserver(() => document.querySelectorAll('[notifications-panel] .alert-danger .message')
  .forEach((message) => message.childNodes.forEach((node) => {
    if (node.nodeType !== Node.TEXT_NODE) {
      return;
    }
    if (UNREACHABLE.test(node.data.trim())) {
      node.data = 'Server tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.';
    } else if (VARIABLE_PREFIX.test(node.data.trimStart())) {
      node.data = node.data.trimStart().replace(VARIABLE_PREFIX, '');
    }
  }))).observe(document.body, { childList: true, subtree: true, characterData: true });

// no plugin: the observers above are all
export default [];

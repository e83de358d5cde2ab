// The office's name and language, shared by the four webapps (Tasklist, Cockpit, Admin, Welcome):
// each app's scripts/config.js takes `app` and `locales` from here, and its customScripts load
// login.js next to this file.

/** The service, as the header, the page title and the login page name it. */
export const SERVICE = 'Layanan Sertifikat Elektronik — Bidang Persandian Kabupaten Kapuas';

/** config.js's `app`: the header and the page title read "<SERVICE> · <app name>". */
export function app(name) {
  return { vendor: `${SERVICE} ·`, name };
}

/** Bahasa Indonesia whatever the browser's language: the webapps offer no other. */
export const LOCALES = { availableLocales: ['id'], fallbackLocale: 'id' };

// Shows a statement letter (PDF) inside a task form: each page drawn on a canvas by Mozilla's PDF.js
// (the pdfjs-dist webjar, served by this application), with its text laid over it so that it can be
// read aloud, selected and found. The browser's own PDF viewer cannot be used inside the webapps'
// Content Security Policy, and a link would make the browser download the letter. The forms in
// forms/ load this module with import() from their script (see loadLetterViewer there).
import * as pdfjs from '../../../../../webjars/pdfjs-dist/build/pdf.min.mjs';

const PDFJS = new URL('../../../../../webjars/pdfjs-dist/', import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = new URL('build/pdf.worker.min.mjs', PDFJS).href;

function addStylesOnce() {
  if (!document.querySelector('link[data-letter-viewer]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('letter-viewer.css', import.meta.url).href;
    link.dataset.letterViewer = '';
    document.head.append(link);
  }
}

function message(container, text) {
  const paragraph = document.createElement('p');
  paragraph.className = 'letter-viewer-message';
  paragraph.textContent = text;
  container.replaceChildren(paragraph);
}

async function drawPage(pdf, number, container) {
  const page = await pdf.getPage(number);
  const padding = parseFloat(getComputedStyle(container).paddingLeft) + parseFloat(getComputedStyle(container).paddingRight);
  const width = (container.clientWidth - padding) || 600;
  const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const ratio = window.devicePixelRatio || 1;

  const sheet = document.createElement('div');
  sheet.className = 'letter-viewer-page';
  sheet.dataset.page = String(number);
  sheet.style.setProperty('--scale-factor', String(viewport.scale));
  sheet.style.width = `${viewport.width}px`;
  sheet.style.height = `${viewport.height}px`;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const text = document.createElement('div');
  text.className = 'textLayer';
  sheet.append(canvas, text);
  container.append(sheet);

  await page.render({
    canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
}

/**
 * Draws the letter's pages into the container, one under the other, as wide as the container;
 * the container scrolls (letter-viewer.css). Says so in the container when the PDF cannot be read.
 * @param {HTMLElement} container
 * @param {Uint8Array} bytes the PDF, kept as it is (PDF.js gets a copy)
 */
export async function showLetter(container, bytes) {
  addStylesOnce();
  container.classList.add('letter-viewer');
  message(container, 'Memuat surat pernyataan…');
  try {
    const pdf = await pdfjs.getDocument({
      data: bytes.slice(), isEvalSupported: false,
      standardFontDataUrl: new URL('standard_fonts/', PDFJS).href,
    }).promise;
    container.replaceChildren();
    container.dataset.pages = String(pdf.numPages);
    for (let number = 1; number <= pdf.numPages; number++) {
      await drawPage(pdf, number, container);
    }
    container.dataset.shown = 'true';
  } catch (error) {
    message(container, `Surat pernyataan tidak dapat ditampilkan: ${error.message}`);
  }
}

/** Fetches the letter from the engine's REST API with the session's own rights, then shows it. */
export async function showLetterFrom(container, contentUrl) {
  addStylesOnce();
  container.classList.add('letter-viewer');
  message(container, 'Memuat surat pernyataan…');
  const response = await fetch(contentUrl, { credentials: 'same-origin' });
  if (!response.ok) {
    message(container, response.status === 403 || response.status === 404
      ? 'Anda tidak berhak melihat surat pernyataan ini.'
      : `Surat pernyataan tidak dapat dimuat (HTTP ${response.status}).`);
    return;
  }
  await showLetter(container, new Uint8Array(await response.arrayBuffer()));
}

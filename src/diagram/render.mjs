// Renders the diagram as the Modeler draws it (bpmn-js) in Debian's headless Chromium, to
// docs/<name>.svg and docs/<name>.png. The SVG carries the SHA-256 of the diagram it shows, so a
// test can tell when the committed image is out of date (DiagramImageTest).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(process.argv[2] || '../..');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const viewer = readFileSync(new URL('./node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', import.meta.url), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map(file => readFileSync(new URL(`./node_modules/bpmn-js/dist/assets/${file}`, import.meta.url), 'utf8'))
  .join('\n');

// a fresh profile, and no background traffic: this machine's network is closed
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bpmn-render-')), {
  executablePath,
  headless: true,
  viewport: { width: 2600, height: 1200 },
  args: [ '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run' ]
});

try {
  for (const file of readdirSync(join(root, 'bpmn')).filter(name => name.endsWith('.bpmn'))) {
    const xml = readFileSync(join(root, 'bpmn', file), 'utf8');
    const name = basename(file, '.bpmn');
    const page = await browser.newPage();
    await page.setContent(`<html><head><style>${css} html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style>`
      + `</head><body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ content: viewer });
    const svg = await page.evaluate(async diagram => {
      const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
      await bpmnViewer.importXML(diagram);
      bpmnViewer.get('canvas').zoom('fit-viewport');
      return (await bpmnViewer.saveSVG()).svg;
    }, xml);
    const sha256 = createHash('sha256').update(xml).digest('hex');
    writeFileSync(join(root, 'docs', `${name}.svg`),
      svg.replace(/^(<\?xml[^>]*\?>\s*)?/, match => `${match}<!-- rendered from bpmn/${file} sha256:${sha256} -->\n`));
    // the PNG is the SVG as a browser shows it
    await page.setContent(`<html><body style="margin:0;background:#fff">${svg.replace(/^<\?xml[^>]*\?>/, '')}</body></html>`);
    await page.locator('body > svg').screenshot({ path: join(root, 'docs', `${name}.png`) });
    console.log(`docs/${name}.svg and docs/${name}.png rendered from bpmn/${file}`);
  }
} finally {
  await browser.close();
}

import { h } from './dom.js';

// The request's path on its own diagram version, drawn by Cockpit's own BPMN viewer widget
// (cam-widget-bpmn-viewer, bpmn-js inside Cockpit's bundle), compiled through the AngularJS that
// Cockpit runs on: no copy of bpmn-js of ours, nothing loaded from elsewhere.
// Returns the function that removes it again.
export function diagram(container, xml, record) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (!injector) {
    container.append(h('p', { class: 'rsop-muted' }, 'Diagram tidak dapat ditampilkan di halaman ini.'));
    return () => {};
  }
  const scope = injector.get('$rootScope').$new(true);
  scope.xml = xml;
  scope.control = {};
  scope.loaded = () => markPath(scope.control.getViewer(), record);
  const widget = injector.get('$compile')(
    '<div cam-widget-bpmn-viewer diagram-data="xml" control="control" on-load="loaded()"></div>')(scope);
  container.append(widget[0]);
  scope.$applyAsync();
  return () => scope.$destroy();
}

function markPath(viewer, record) {
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const elements = viewer.get('elementRegistry');
  for (const passed of record.path) {
    if (!elements.get(passed.activityId)) {
      continue;
    }
    canvas.addMarker(passed.activityId, passed.active ? 'rsop-active' : 'rsop-passed');
    if (passed.times > 1) {
      overlays.add(passed.activityId, {
        position: { top: -12, left: -12 },
        html: h('span', { class: 'rsop-badge', title: `Dilalui ${passed.times} kali` }, `${passed.times}×`),
      });
    }
  }
  const breaches = {};
  for (const step of record.steps) {
    breaches[step.activityId] = (breaches[step.activityId] || 0) + step.breaches.length;
  }
  for (const [activityId, count] of Object.entries(breaches)) {
    if (count && elements.get(activityId)) {
      overlays.add(activityId, {
        position: { top: -12, right: 12 },
        html: h('span', { class: 'rsop-badge rsop-badge-breach', title: 'Melebihi waktu baku' }, `⚠ ${count}`),
      });
    }
  }
}

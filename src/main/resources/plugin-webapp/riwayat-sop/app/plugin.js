// Cockpit loads app/plugin.js (and plugin.css) of every server-side plugin. The "Riwayat SOP" pages
// are the ES modules in META-INF/resources/webjars/camunda/app/cockpit/scripts/riwayat-sop/,
// registered in Cockpit's config.js; the server-side plugin only adds their REST API.
export default [];

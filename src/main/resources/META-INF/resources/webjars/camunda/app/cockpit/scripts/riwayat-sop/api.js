// Reads through the webapp's own REST APIs with the session of the logged-in user: the plugin's
// history API (see cockpit/SopHistoryResource.java) and the engine API for the diagram. Only GET
// requests are made, so no CSRF token is needed; nothing here changes anything.

export class ApiError extends Error {
  /** message: what the server said of a request it refused (400), in Indonesian where it is ours to say. */
  constructor(status, message) {
    super(status === 401 ? 'Sesi berakhir; silakan masuk lagi.'
      : status === 404 ? 'Permohonan tidak ditemukan atau tidak boleh Anda lihat.'
        : message || `Permintaan gagal (HTTP ${status}).`);
    this.status = status;
  }
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  return search.toString();
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const refusal = response.status === 400 ? await response.json().catch(() => ({})) : {};
    throw new ApiError(response.status, refusal.message);
  }
  return response.json();
}

export function historyApi(api) {
  const base = `${api.cockpitApi}/plugin/riwayat-sop/${encodeURIComponent(api.engine)}`;
  return {
    requests: (filter, firstResult, maxResults) =>
      getJson(`${base}/requests?${query({ ...filter, firstResult, maxResults })}`),
    request: (id) => getJson(`${base}/requests/${encodeURIComponent(id)}`),
    summary: (filter) => getJson(`${base}/summary?${query(filter)}`),
    trend: (filter, unit) => getJson(`${base}/trend?${query({ ...filter, unit })}`),
    versions: () => getJson(`${base}/versions`),
    csvUrl: (filter) => `${base}/export.csv?${query(filter)}`,
    diagramXml: (definitionId) =>
      getJson(`${api.engineApi}/process-definition/${encodeURIComponent(definitionId)}/xml`)
        .then((definition) => definition.bpmn20Xml),
  };
}

// Whether the logged-in user is the administrator, marked on <body> (data-administrator) for
// ../styles/user-styles.css, so Cockpit offers the controls that change something only to the one
// user the engine lets change anything. After every login Cockpit renders its menu afresh, and this
// asks the server with the user's session; until it has answered, nothing that changes is offered.

export default {
  id: 'user-permissions',
  pluginPoint: 'cockpit.navigation',
  priority: 0,
  render: (node, { api }) => {
    const marks = document.body.dataset;
    delete marks.administrator;
    fetch(`${api.adminApi}/auth/user/default`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { authorizedApps: [] }))
      .catch(() => ({ authorizedApps: [] }))
      .then(({ authorizedApps = [] }) => { marks.administrator = String(authorizedApps.includes('admin')); });
  },
};

// Who may hand tasks around (see ../styles/user-styles.css): giving a task to someone else or taking
// it from them is the administrator's, and the engine refuses it to everyone else (docs/security.md),
// so Tasklist offers it only to the administrator. After every login this asks, with the user's
// session, which webapps the user may open: only the administrator may open Admin.

export default {
  id: 'task-actions-permission',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    // <body data-administrator="true|false">, unset until the server has answered for this user
    delete document.body.dataset.administrator;
    fetch(`${api.adminApi}/auth/user/default`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { authorizedApps: [] }))
      .catch(() => ({ authorizedApps: [] }))
      .then(({ authorizedApps = [] }) => {
        document.body.dataset.administrator = String(authorizedApps.includes('admin'));
      });
  },
};

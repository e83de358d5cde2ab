// "Start process" only for those who may start a request (see ../styles/user-styles.css): after
// every login Tasklist renders its menu entries afresh, and this one asks the engine, with the
// user's session, for the processes Tasklist's own start dialog would offer them.

const STARTABLE = new URLSearchParams({
  latest: true, active: true, startableInTasklist: true, startablePermissionCheck: true,
});

export default {
  id: 'start-process-permission',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    // <body data-may-start-process="true|false">, unset until the engine has answered for this user
    delete document.body.dataset.mayStartProcess;
    fetch(`${api.engineApi}/process-definition/count?${STARTABLE}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { count: 0 }))
      .catch(() => ({ count: 0 }))
      .then(({ count }) => { document.body.dataset.mayStartProcess = String(count > 0); });
  },
};

// "Start process" only for those who may start a request (see ../styles/user-styles.css): after
// every login Tasklist renders its menu entries afresh, and this one asks the engine, with the
// user's session, for the processes Tasklist's own start dialog would offer them.

const MAY_START = 'may-start-process';
const STARTABLE = new URLSearchParams({
  latest: true, active: true, startableInTasklist: true, startablePermissionCheck: true,
});

export default {
  id: 'start-process-permission',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    document.body.classList.remove(MAY_START);
    fetch(`${api.engineApi}/process-definition/count?${STARTABLE}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { count: 0 }))
      .then(({ count }) => document.body.classList.toggle(MAY_START, count > 0));
  },
};

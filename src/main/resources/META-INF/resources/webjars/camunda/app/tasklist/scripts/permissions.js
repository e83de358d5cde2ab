import { asked, markAdministrator } from '../../layanan/permissions.js';

// What the logged-in user may do, marked on <body> for ../styles/user-styles.css, so Tasklist offers
// only what the server allows: after every login Tasklist renders its menu entries afresh, and this
// one asks the server, with the user's session,
// - data-may-start-process: whether Tasklist's own start dialog would offer them a process;
// - data-administrator: whether they may open Admin, which only the administrator may, and so hand
//   tasks to others or take them from their assignee (the engine refuses that to everyone else).

const STARTABLE = new URLSearchParams({
  latest: true, active: true, startableInTasklist: true, startablePermissionCheck: true,
});

export default {
  id: 'user-permissions',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    const marks = document.body.dataset;
    delete marks.mayStartProcess;
    asked(`${api.engineApi}/process-definition/count?${STARTABLE}`, { count: 0 })
      .then(({ count }) => { marks.mayStartProcess = String(count > 0); });
    markAdministrator(api.adminApi);
  },
};

import { asked, markAdministrator } from '../../layanan/permissions.js';

// What the logged-in user may do, marked on <body> for ../styles/user-styles.css, so Tasklist offers
// only what the server allows: after every login Tasklist renders its menu entries afresh, and this
// one asks the server, with the user's session,
// - data-may-start-process: whether Tasklist's own start dialog would offer them a process;
// - data-administrator: whether they may open Admin, which only the administrator may, and so hand
//   tasks to others or take them from their assignee (the engine refuses that to everyone else);
// - data-may-claim: whether the engine lets them work the SOP's tasks (TASK_WORK on the process, the
//   verifiers' grant, security/Roles.java), without which it refuses a claim: the head of division
//   watches the tasks in "Pantauan kepala bidang" and is offered no "Klaim".

const STARTABLE = new URLSearchParams({
  latest: true, active: true, startableInTasklist: true, startablePermissionCheck: true,
});

const MAY_WORK = new URLSearchParams({
  permissionName: 'TASK_WORK', resourceName: 'ProcessDefinition', resourceType: 6, resourceId: 'lupa-passphrase',
});

export default {
  id: 'user-permissions',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: (node, { api }) => {
    const marks = document.body.dataset;
    delete marks.mayStartProcess;
    delete marks.mayClaim;
    asked(`${api.engineApi}/process-definition/count?${STARTABLE}`, { count: 0 })
      .then(({ count }) => { marks.mayStartProcess = String(count > 0); });
    asked(`${api.engineApi}/authorization/check?${MAY_WORK}`, { authorized: false })
      .then(({ authorized }) => { marks.mayClaim = String(authorized === true); });
    markAdministrator(api.adminApi);
  },
};

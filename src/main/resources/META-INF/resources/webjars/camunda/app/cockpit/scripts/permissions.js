import { markAdministrator } from '../../layanan/permissions.js';

// Whether the logged-in user is the administrator, marked on <body> for ../styles/user-styles.css, so
// Cockpit offers the controls that change something only to the one user the engine lets change
// anything. Cockpit renders its menu afresh after every login, and with it this entry, which draws nothing.

export default {
  id: 'user-permissions',
  pluginPoint: 'cockpit.navigation',
  priority: 0,
  render: (node, { api }) => markAdministrator(api.adminApi),
};

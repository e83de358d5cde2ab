import { SERVICE } from './layanan.js';

// The service's name on each app's login page, above the login form (which has priority 0).
export default ['tasklist', 'cockpit', 'admin', 'welcome'].map((appName) => ({
  id: 'layanan-login',
  pluginPoint: `${appName}.login`,
  priority: 10,
  render: (node) => {
    const name = document.createElement('p');
    name.className = 'layanan-login';
    name.textContent = SERVICE;
    node.append(name);
  },
}));

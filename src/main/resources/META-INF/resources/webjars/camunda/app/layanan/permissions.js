// What the server says the logged-in user may do, asked with the user's session: each webapp marks
// <body> with it for its styles, so that nothing is offered that the server would refuse. A mark
// stays unset until the server has answered for this user.

/** The JSON the server answers, or fallback when it refuses or cannot be reached. */
export const asked = (url, fallback) => fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : fallback))
  .catch(() => fallback);

/** data-administrator: whether the user may open Admin, which only the administrator may. */
export function markAdministrator(adminApi) {
  const marks = document.body.dataset;
  delete marks.administrator;
  asked(`${adminApi}/auth/user/default`, { authorizedApps: [] })
    .then(({ authorizedApps = [] }) => { marks.administrator = String(authorizedApps.includes('admin')); });
}

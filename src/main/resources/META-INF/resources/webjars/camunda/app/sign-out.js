// guidance-lifecycle: one login for everything. After "Sign out" (which ends the whole session) or
// when the session has run out, the webapp would show its own login form, which cannot sign anyone in
// here; send the browser to the application's login page instead.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const loginPage = appRoot.replace(/\/camunda\/?$/, '') + '/login';

function toOurLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(loginPage);
  }
}

window.addEventListener('hashchange', toOurLogin);
toOurLogin();

export default {};

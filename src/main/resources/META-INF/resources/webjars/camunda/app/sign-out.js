// guidance-lifecycle: one login for everything. After "Sign out" (which ends the whole session) or
// when the session has run out, the webapp would show its own login form, which cannot sign anyone in
// here; send the browser to the application's login page instead. A deliberate sign-out (the header's
// "Logga ut") goes to /login?logout, which says "Du är nu utloggad"; a session that ran out goes to plain
// /login, since nobody signed out.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const loginPage = appRoot.replace(/\/camunda\/?$/, '') + '/login';

// Set when the person chooses "Logga ut" in the header; the webapp then signs out and shows #/login on
// the same page, so a variable of this page is enough (a reload or a new page starts afresh).
let signingOut = false;

document.addEventListener(
  'click',
  event => {
    if (event.target instanceof Element && event.target.closest('[cam-widget-header] li.logout')) {
      signingOut = true;
    }
  },
  true
);

function toOurLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(signingOut ? loginPage + '?logout' : loginPage);
  }
}

window.addEventListener('hashchange', toOurLogin);
toOurLogin();

export default {};

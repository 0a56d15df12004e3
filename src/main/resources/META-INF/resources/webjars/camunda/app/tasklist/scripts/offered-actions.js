// guidance-lifecycle: Tasklist offers "Starta process" and "Skapa uppgift" to everyone, and refuses
// those who may not use them only after they have filled in a form. Ask the engine, as the signed-in
// person, what they may do, and show each action only then (user-styles.css hides both until this
// script says otherwise). The engine still decides on every request; this only spares people a dead end.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const engineApi = appRoot.replace(/\/$/, '') + '/api/engine/engine/default';

async function answer(path) {
  const response = await fetch(engineApi + path, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  return response.ok ? response.json() : null;
}

async function mayStartAProcess() {
  const startable = await answer(
    '/process-definition/count?latestVersion=true&active=true&startableInTasklist=true' +
      '&startablePermissionCheck=true'
  );
  return startable !== null && startable.count > 0;
}

async function mayCreateATask() {
  const check = await answer(
    '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7'
  );
  return check !== null && check.authorized === true;
}

async function offerWhatIsAllowed() {
  const [start, create] = await Promise.all([mayStartAProcess(), mayCreateATask()]);
  document.body.classList.toggle('gl-may-start-process', start);
  document.body.classList.toggle('gl-may-create-task', create);
  document.body.dataset.glOffersChecked = 'true';
}

// after sign-in the webapp changes its hash; the session, and so the answer, may have changed with it
window.addEventListener('hashchange', () => offerWhatIsAllowed().catch(() => {}));
offerWhatIsAllowed().catch(() => {});

export default {};

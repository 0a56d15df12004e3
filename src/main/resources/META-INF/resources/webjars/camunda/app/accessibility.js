// guidance-lifecycle: accessibility fixes to Camunda's own screen parts (WCAG 2.1 AA, as DOS-lagen requires of a
// public service; checked with axe-core by AccessibilityBrowserIT), shared by the four webapps (each config.js
// lists it in customScripts). Camunda 7.24's webapps leave icon-only buttons
// and links without a name, give Tasklist's search field combobox attributes without the role, and open dialogs
// without a name. The webapps offer no setting for these, so this script, loaded through config.js customScripts,
// adds what is missing to each element as AngularJS renders it. Colours are fixed in styles/user-styles.css.

// Icon-only controls that carry no tooltip to name them: what a screen reader should say (Swedish, like the rest).
const NAMES = [
  ['button.region-toggle[data-region="filters"]', 'Visa eller dölj filtren'],
  ['button.region-toggle[data-region="list"]', 'Visa eller dölj uppgiftslistan'],
  ['button.region-toggle[data-region="task"]', 'Visa eller dölj uppgiften'],
  ['button.maximize', 'Förstora eller återställ uppgiften'],
  ['.stored-criteria > button.dropdown-toggle', 'Sparade sökningar'],
  ['.app-switch > a.dropdown-toggle', 'Byt webbapplikation'],
  ['.new-sort > a.dropdown-toggle', 'Lägg till sortering'],
  ['.task-card-details .shutter > a', 'Visa eller dölj fler variabler'],
  // the welcome page's tiles: the name is drawn in the tile's background image
  ['.cockpit-app > a.app-label-wrapper', 'Cockpit'],
  ['.tasklist-app > a.app-label-wrapper', 'Tasklist'],
  ['.admin-app > a.app-label-wrapper', 'Admin'],
  // Cockpit's state circle in a list of instances: its colour is all it says
  ['a.circle[state-circle]', element => element.classList.contains('circle-red')
    ? 'Instansen har incidenter' : 'Instansen har inga incidenter'],
  ['a.sort-direction', element => 'Sorteringsordning: ' + (tooltipOf(element) || '').toLowerCase()]
];

// marks a name this script gave, so that it follows the tooltip when Tasklist changes it (e.g. the sort order)
const OURS = 'data-a11y-name';

// visible: the rendered text (innerText, which needs a layout), for the few controls Tasklist gives a text it hides
// on narrower windows (hidden-md); the others are checked on their text alone, cheap on every change of a form
function hasOwnName(element, visible) {
  if (element.hasAttribute(OURS)) {
    return false;
  }
  const text = visible ? element.innerText : element.textContent;
  return (
    text.trim() !== '' ||
    element.hasAttribute('aria-label') ||
    element.hasAttribute('aria-labelledby') ||
    (element.getAttribute('title') || '').trim() !== '' ||
    element.querySelector('img[alt]:not([alt=""])') !== null
  );
}

function tooltipOf(element) {
  const own = element.getAttribute('uib-tooltip');
  if (own && own.trim() && !own.includes('{{')) {
    return own.trim();
  }
  const inner = element.querySelector('[uib-tooltip]');
  const text = inner && inner.getAttribute('uib-tooltip');
  return text && text.trim() && !text.includes('{{') ? text.trim() : null;
}

function name(element, label) {
  if (label && element.getAttribute('aria-label') !== label) {
    element.setAttribute('aria-label', label);
    element.setAttribute(OURS, '');
  }
}

function nameControls(root) {
  for (const [selector, label] of NAMES) {
    root.querySelectorAll(selector).forEach(element => {
      if (!hasOwnName(element, true)) {
        name(element, typeof label === 'function' ? label(element) : label);
      }
    });
  }
  // any other link or button that shows only an icon: its tooltip is what a sighted person reads
  root.querySelectorAll('a[href], button').forEach(element => {
    if (!element.hasAttribute(OURS) && !hasOwnName(element, false)) {
      name(element, tooltipOf(element));
    } else if (element.hasAttribute(OURS) && !NAMES.some(([selector]) => element.matches(selector))) {
      name(element, tooltipOf(element));
    }
  });
}

// Tasklist's search field is a typeahead (aria-expanded, aria-autocomplete) without the combobox role those
// attributes belong to
function roleComboboxes(root) {
  root.querySelectorAll('input[aria-expanded]:not([role])').forEach(input => {
    input.setAttribute('role', 'combobox');
    if (!input.hasAttribute('aria-label') && input.getAttribute('placeholder')) {
      input.setAttribute('aria-label', input.getAttribute('placeholder'));
    }
  });
}

// every dialog (start a process, filter details, shortcuts) is named by its visible title
let titles = 0;
function nameDialogs(root) {
  // a dialog's title can be replaced while it is open (the start dialog's, once a process is chosen): a name this
  // script gave is checked again each time
  root.querySelectorAll('[role="dialog"]:not([aria-label])').forEach(dialog => {
    const given = dialog.getAttribute('aria-labelledby');
    if (given && (!dialog.hasAttribute(OURS) || document.getElementById(given))) {
      return;
    }
    const title = dialog.querySelector('.modal-title, .modal-header h3, .modal-header h4');
    if (title) {
      dialog.setAttribute(OURS, '');
      if (!title.id) {
        titles += 1;
        title.id = 'a11y-dialog-title-' + titles;
      }
      dialog.setAttribute('aria-labelledby', title.id);
    }
  });
}

// Cockpit's "activity statistics: on" link shows a checked radio button as a lamp; the link's text already says
// "på", so the radio is hidden from assistive technology and from the tab order
function hideLamps(root) {
  root.querySelectorAll('a.overlay-link input.toggle:not([aria-hidden])').forEach(lamp => {
    lamp.setAttribute('aria-hidden', 'true');
    lamp.setAttribute('tabindex', '-1');
  });
}

function fix() {
  hideLamps(document);
  nameControls(document);
  roleComboboxes(document);
  nameDialogs(document);
}

// AngularJS renders and re-renders all the time: fix after each change, before the browser paints it. Our own
// attribute changes trigger the observer once more, and then find nothing left to do.
let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      fix();
    });
  }
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['uib-tooltip', 'role', 'class']
});
fix();

export default {};

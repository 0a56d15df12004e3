// guidance-lifecycle: "Slutför" is enabled whenever the form shows no error, lists included.
//
// Why Camunda's Tasklist 7.24 kept it disabled (read in its camunda-tasklist-bootstrap.js and lib/deps.js, form-js
// 1.x): after every change Tasklist's camunda-form directive disables "Complete" when
// `Object.keys(state.errors).length` is not 0. form-js records a field's result at
// errors[fieldId][rowIndex...] with min-dash's set(), and "no error" is written as undefined, which deletes only the
// last step of the path. For a field inside a dynamic list that leaves an empty array behind, e.g.
// {Field_item_trace: []}: one key, no message, so Tasklist took the form for invalid and no error was shown. "Save"
// happened to help because it runs form-js's full validation, which rebuilds the errors from real messages only.
//
// The fix keeps form-js's errors free of such empty entries whenever its state changes, and drops the error of a
// field that has left the screen (hidden by its condition, see onScreenOnly), so that every reader of the state
// (Tasklist's "Complete", the start dialog's "Starta", form-js's own error texts) sees the errors a person can see.
// Both bundles are Camunda's build of 7.24.0; the module id below is the one Tasklist's directive requires
// (`n(57661).Form`). After an upgrade the check below reports a missing Form in the console, and the browser
// journeys (which fail when "Slutför" stays disabled) tell whether the workaround is still needed.
const FORM_JS_MODULE = 57661;

/** Camunda's webpack `require`, taken from the runtime that loaded lib/deps.js (a chunk with only a callback). */
function webpackRequire() {
  let found = null;
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  chunks.push([['guidance-lifecycle-complete-when-valid'], {}, require => {
    found = require;
  }]);
  return found;
}

function formJsForm() {
  const require = webpackRequire();
  if (!require || !require.m || !require.m[FORM_JS_MODULE]) {
    return null;
  }
  const Form = require(FORM_JS_MODULE).Form;
  return Form && typeof Form.prototype._setState === 'function' ? Form : null;
}

/**
 * The errors with every entry that holds no message removed: a field's entry is an array of messages (strings);
 * a list's entry is an array (or object) per row of such entries, nested for lists in lists.
 */
export function withoutEmptyEntries(errors) {
  const pruned = prune(errors);
  return pruned === undefined ? {} : pruned;
}

function prune(entry) {
  if (Array.isArray(entry)) {
    if (entry.some(item => typeof item === 'string')) {
      return entry;
    }
    const rows = entry.map(prune); // keeps the holes of a sparse array where they are
    return rows.some(row => row !== undefined) ? rows : undefined;
  }
  if (entry && typeof entry === 'object') {
    const kept = {};
    Object.keys(entry).forEach(key => {
      const value = prune(entry[key]);
      if (value !== undefined) {
        kept[key] = value;
      }
    });
    return Object.keys(kept).length ? kept : undefined;
  }
  return typeof entry === 'string' ? entry : undefined;
}

/**
 * The errors of fields on screen only. A field hidden by its condition is taken off the screen with the error it
 * had (say, comments required when sending back, left empty, then the person chose to approve instead); form-js
 * keeps that error until its next full validation, so "Complete" stayed disabled with nothing on screen to fix.
 * A field's error path is [id, ...row indexes], its instance's id the same joined with "_".
 */
export function onScreenOnly(errors, shownInstanceIds) {
  const kept = {};
  Object.keys(errors).forEach(id => {
    const entry = keepShown(errors[id], [id], shownInstanceIds);
    if (entry !== undefined) {
      kept[id] = entry;
    }
  });
  return kept;
}

function keepShown(entry, path, shown) {
  if (Array.isArray(entry) && entry.some(item => typeof item === 'string')) {
    return shown.has(path.join('_')) ? entry : undefined;
  }
  if (entry && typeof entry === 'object') {
    const rows = Array.isArray(entry) ? [] : {};
    let any = false;
    Object.keys(entry).forEach(index => {
      const row = keepShown(entry[index], path.concat(index), shown);
      if (row !== undefined) {
        rows[index] = row;
        any = true;
      }
    });
    return any ? rows : undefined;
  }
  return undefined;
}

function forgetErrorsOfRemovedFields(form) {
  let scheduled = false;
  const forget = () => {
    scheduled = false;
    const errors = form._getState().errors || {};
    const shown = new Set(form.get('formFieldInstanceRegistry').getAll().map(instance => instance.instanceId));
    const kept = onScreenOnly(errors, shown);
    if (JSON.stringify(kept) !== JSON.stringify(errors)) {
      form._setState({errors: kept});
    }
  };
  form.on('formFieldInstanceRegistry.changed', event => {
    // form-js also removes and re-adds a field's instance when it merely renders it again; only a field still gone
    // once rendering is over has left the screen
    if (event && event.action === 'removed' && !scheduled) {
      scheduled = true;
      setTimeout(forget, 0);
    }
  });
}

const Form = formJsForm();
if (Form) {
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    if (state && state.errors) {
      state = Object.assign({}, state, {errors: withoutEmptyEntries(state.errors)});
    }
    if (!this.guidanceLifecycleWatching) {
      try {
        forgetErrorsOfRemovedFields(this);
        this.guidanceLifecycleWatching = true;
      } catch (e) {
        // not ready yet (no event bus): the next state change tries again
      }
    }
    return setState.call(this, state);
  };
} else {
  console.warn('guidance-lifecycle: form-js Form not found (module ' + FORM_JS_MODULE + '); lists may keep "Slutför" disabled');
}

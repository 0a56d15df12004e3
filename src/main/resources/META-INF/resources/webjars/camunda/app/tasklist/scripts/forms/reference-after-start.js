// guidance-lifecycle: after starting a process in Tasklist, the person sees the reference it was given, e.g.
// "Processen har startats. Din synpunkt har fått referensen FB-2026-000123.", with a link to its page.
//
// The reference is the process instance's business key, which the process sets in its first, synchronous step
// (FeedbackSteps.register, RevisionSteps), so the engine's answer to the start form's submission already carries it
// (POST .../process-definition/{id}/submit-form answers the new instance: id, definitionId, businessKey). Tasklist
// itself only says PROCESS_START_OK, for three seconds. So: the answer is read as it arrives, and Tasklist's own
// message, when it comes (after the start dialog has closed), gets the reference added and stays until the person
// closes it. The reference is shown as the engine gave it (escaped); nothing is written back.
import {language} from '../../../language.js';

const SUBMIT_START_FORM = /\/process-definition\/[^/?#]+\/submit-form(?:[?#].*)?$/;

const TEXTS = {
  sv: {
    'guidance-feedback': 'Din synpunkt har fått referensen {reference}.',
    'guidance-revision': 'Revisionen har fått referensen {reference}.',
    other: 'Referens: {reference}.'
  },
  en: {
    'guidance-feedback': 'Your feedback has been given the reference {reference}.',
    'guidance-revision': 'The revision has been given the reference {reference}.',
    other: 'Reference: {reference}.'
  }
};

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const contextPath = appRoot.replace(/\/camunda\/?$/, '');

function escaped(text) {
  const element = document.createElement('span');
  element.textContent = text;
  return element.innerHTML;
}

/** The sentence with the reference, as HTML; a feedback reference links to the feedback's own page. */
export function referenceSentence(processKey, reference, lang) {
  const texts = TEXTS[lang] || TEXTS.sv;
  const sentence = texts[processKey] || texts.other;
  let shown = '<strong class="started-reference">' + escaped(reference) + '</strong>';
  if (processKey === 'guidance-feedback') {
    shown = '<a href="' + escaped(contextPath + '/feedback/' + encodeURIComponent(reference)) + '">' + shown + '</a>';
  }
  return escaped(sentence).replace('{reference}', shown);
}

let pending = null;

function injector() {
  const angular = window.angular;
  return angular && angular.element(document.body).injector();
}

/** Adds the reference to Tasklist's next "the process has been started" message. */
function expectStartMessage(started) {
  pending = started;
  const services = injector();
  if (!services) {
    return;
  }
  const notifications = services.get('Notifications');
  if (notifications.guidanceLifecycleReference) {
    return;
  }
  const startedMessage = services.get('$translate').instant('PROCESS_START_OK');
  const add = notifications.add;
  notifications.add = function (notification) {
    if (pending && notification && notification.status === startedMessage) {
      const processKey = String(pending.definitionId || '').split(':')[0];
      notification.status = escaped(notification.status) + ' '
        + referenceSentence(processKey, pending.businessKey, language);
      notification.message = '';
      notification.unsafe = true; // built above from escaped parts
      delete notification.duration; // the person closes it once the reference is noted
      pending = null;
    }
    return add.apply(this, arguments);
  };
  notifications.guidanceLifecycleReference = true;
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (String(method).toUpperCase() === 'POST' && SUBMIT_START_FORM.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const started = JSON.parse(this.responseText);
        if (started && started.businessKey) {
          expectStartMessage(started);
        }
      } catch (e) {
        // not the engine's answer; Tasklist reports what went wrong
      }
    });
  }
  return open.apply(this, arguments);
};

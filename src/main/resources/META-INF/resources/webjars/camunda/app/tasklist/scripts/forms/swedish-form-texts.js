// guidance-lifecycle: form-js's own texts in Swedish ("Välj", "Lägg till", "Fältet måste fyllas i.", ...).
//
// Tasklist's translations (locales/sv.json) do not reach the forms: form-js 1.x, which renders Camunda Forms, writes
// its few texts into its components as English literals, with no translation hook. So once form-js has rendered,
// its English texts are replaced in the page: text nodes and the attributes a person or a screen reader meets
// (placeholder, aria-label, title), only inside form-js's container (.fjs-container). A MutationObserver runs before
// the browser paints, so the English is never seen; when form-js renders a text again, the observer replaces it
// again. Whoever chose English (?lang=en, app/language.js) keeps form-js's English.
import {language} from '../../../language.js';

const EXACT = {
  'Select': 'Välj',
  'Search': 'Sök',
  'Add new': 'Lägg till',
  'Collapse': 'Fäll ihop',
  'No results': 'Inga träffar',
  'All values selected': 'Alla värden är valda',
  'Nothing to show.': 'Inget att visa.',
  'required': 'obligatoriskt',
  'Field is required.': 'Fältet måste fyllas i.',
  'Value is not a number.': 'Värdet är inte ett tal.',
  'Value is expected to be an integer.': 'Värdet ska vara ett heltal.',
  'Field must be a valid email.': 'Ange en giltig e-postadress.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Ange ett giltigt internationellt telefonnummer (till exempel +46812345678).'
};

const PATTERNS = [
  [/^Expand all \((\d+)\)$/, 'Visa alla ($1)'],
  [/^Remove list item (\d+)$/, 'Ta bort rad $1'],
  [/^Field must have minimum length of (\d+)\.$/, 'Skriv minst $1 tecken.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Skriv högst $1 tecken.'],
  [/^Field must have minimum value of (.+)\.$/, 'Värdet måste vara minst $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Värdet får vara högst $1.'],
  // the regular expression itself says nothing to a person; the field's description gives the expected form
  [/^Field must match pattern [\s\S]*\.$/, 'Värdet har inte rätt form.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Värdet får ha högst $1 decimaler.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    'Ange ett giltigt värde; de två närmaste är $1 och $2.']
];

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];
const CONTAINER = '.fjs-container';

export function swedish(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  let translated = Object.prototype.hasOwnProperty.call(EXACT, trimmed) ? EXACT[trimmed] : null;
  for (let i = 0; translated === null && i < PATTERNS.length; i++) {
    if (PATTERNS[i][0].test(trimmed)) {
      translated = trimmed.replace(PATTERNS[i][0], PATTERNS[i][1]);
    }
  }
  return translated === null ? null : text.replace(trimmed, translated);
}

function translateText(node) {
  const translated = swedish(node.data);
  if (translated !== null && translated !== node.data) {
    node.data = translated;
  }
}

function translateAttributes(element) {
  ATTRIBUTES.forEach(name => {
    const value = element.getAttribute(name);
    const translated = value === null ? null : swedish(value);
    if (translated !== null && translated !== value) {
      element.setAttribute(name, translated);
    }
  });
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest(CONTAINER));
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      translateAttributes(node);
    }
  }
}

function onMutations(mutations) {
  mutations.forEach(mutation => {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(node => {
        if (inForm(node)) {
          translateTree(node);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          // a form arriving as a whole (Tasklist inserts form-js's container with its first render)
          node.querySelectorAll(CONTAINER).forEach(translateTree);
        }
      });
    } else if (inForm(mutation.target)) {
      if (mutation.type === 'characterData') {
        translateText(mutation.target);
      } else {
        translateAttributes(mutation.target);
      }
    }
  });
}

if (language === 'sv') {
  new MutationObserver(onMutations).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
}

// guidance-lifecycle: the webapps speak Swedish whatever language the browser asks for (Camunda would pick the
// browser's language when it has a translation for it, and most browsers here ask for English). English stays
// available to whoever asks for it: "?lang=en" in the address, remembered in this browser until "?lang=sv".
// Imported by each webapp's scripts/config.js, which Camunda loads before it chooses the language.
const STORAGE_KEY = 'guidance-lifecycle-language';

const asked = new URLSearchParams(window.location.search).get('lang');
if (asked === 'sv' || asked === 'en') {
  window.localStorage.setItem(STORAGE_KEY, asked);
}

export const language = window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';

// Camunda's index.html says lang="en" and never changes it; screen readers and spell-checkers go by it.
document.documentElement.lang = language;

export const locales = {availableLocales: [language], fallbackLocale: language};

export const app = {name: 'Synpunkter och revisioner', vendor: 'eSam'};

// Swedish style, ISO dates; Camunda's defaults use the month name in the normal format.
export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm',
  long: 'YYYY-MM-DD HH:mm',
  short: 'YYYY-MM-DD'
};

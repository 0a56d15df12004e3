// guidance-lifecycle: dates and times in Swedish time, whatever zone the browser is set to. Tasklist, Cockpit and
// Admin format every date they show with moment (their `camDate` filter), which knows only the browser's own zone;
// moment-timezone is not in Camunda's build. The four webapps share one webpack runtime and lib/deps.js, so moment
// has the same module id in each: Tasklist imports this module (scripts/guidance-lifecycle.js), Cockpit, Admin and
// the welcome page list it in their config.js customScripts. The browser does know Europe/Stockholm (Intl), so each date shown is first moved to the
// offset Stockholm had at that instant. Moments given an offset of their own (moment.utc, utcOffset, parseZone)
// are left alone, and the instant never changes: what Tasklist sends keeps its offset ("+01:00").
// The module id is moment's in Camunda's 7.24.0 build (lib/deps.js, moment 2.30.1); after an upgrade the check
// below reports it in the console and dates fall back to the browser's zone.
const MOMENT_MODULE = 98024;
const ZONE = 'Europe/Stockholm';

const offsetFormat = new Intl.DateTimeFormat('en-US', {timeZone: ZONE, timeZoneName: 'longOffset'});

/** Stockholm's offset from UTC in minutes at this instant (60 in winter, 120 in summer). */
export function stockholmOffset(epochMillis) {
  const name = offsetFormat.formatToParts(new Date(epochMillis)).find(part => part.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ? name.value : '');
  if (!match) {
    return 0;
  }
  const minutes = Number(match[2]) * 60 + Number(match[3] || 0);
  return match[1] === '-' ? -minutes : minutes;
}

function webpackRequire() {
  let found = null;
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  chunks.push([['guidance-lifecycle-stockholm-time'], {}, require => {
    found = require;
  }]);
  return found;
}

function camundasMoment() {
  const require = webpackRequire();
  if (!require || !require.m || !require.m[MOMENT_MODULE]) {
    return null;
  }
  const moment = require(MOMENT_MODULE);
  return moment && moment.fn && typeof moment.fn.format === 'function' ? moment : null;
}

const moment = camundasMoment();
if (!moment) {
  console.warn('guidance-lifecycle: Camunda\'s moment not found; dates are shown in the browser\'s own zone');
} else if (!moment.fn.guidanceLifecycleStockholm) {
  const format = moment.fn.format;
  moment.fn.format = function (...args) {
    if (!this.isValid() || this._isUTC) {
      return format.apply(this, args);
    }
    return format.apply(this.clone().utcOffset(stockholmOffset(this.valueOf())), args);
  };
  moment.fn.guidanceLifecycleStockholm = true;
}

export default {};

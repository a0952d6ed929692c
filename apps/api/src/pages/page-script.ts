/**
 * The page's only script, served as a file (`/assets/page.js`): helmet's CSP forbids inline
 * scripts. Progressive: the page reads fine without it (tip-offs show US Eastern time); with it,
 * each `<time data-local>` shows the viewer's own clock and time zone.
 */
export const PAGE_JS = `(function () {
  var times = document.querySelectorAll('time[data-local]');
  for (var i = 0; i < times.length; i++) {
    var el = times[i];
    var at = new Date(el.getAttribute('datetime'));
    if (isNaN(at.getTime())) continue;
    el.textContent = at.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    el.setAttribute('title', 'your time zone');
  }
})();
`;

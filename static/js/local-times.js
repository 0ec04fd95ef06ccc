// Event times: the page gives them at the venue (and in UTC) without JavaScript; this adds the
// visitor's own time when it differs from the venue's, with the browser's time zone.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) return;
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var language = document.documentElement.lang || undefined;
  var full = new Intl.DateTimeFormat(language, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
  var timeOnly = new Intl.DateTimeFormat(language, {
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
  var day = new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit" });

  document.querySelectorAll("[data-local-times]").forEach(function (element) {
    if (!visitorZone || element.dataset.zone === visitorZone) return;
    var target = element.parentNode.querySelector(".event-visitor-time");
    if (!target) return;
    var start = new Date(element.dataset.start);
    var end = new Date(element.dataset.end);
    if (isNaN(start) || isNaN(end)) return;
    var sameDay = day.format(start) === day.format(end);
    target.textContent =
      target.dataset.label + ": " + full.format(start) + " – " +
      (sameDay ? timeOnly.format(end) : full.format(end)) + " (" + visitorZone + ")";
    target.hidden = false;
  });
})();

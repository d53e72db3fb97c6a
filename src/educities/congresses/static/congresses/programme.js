/* Adds the reader's own time beside the times of a programme or a session, which the page shows in the
   event's time zone. Every <time datetime> already carries the instant; without this script the page is
   complete, with the event's times only. */
(function () {
  "use strict";
  var root = document.querySelector("[data-event-time-zone]");
  if (!root || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var eventZone = root.getAttribute("data-event-time-zone");
  var readerZone;
  try {
    readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!readerZone || readerZone === eventZone) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  function formatter(zone, options) {
    var settings = { timeZone: zone };
    for (var key in options) {
      settings[key] = options[key];
    }
    return new Intl.DateTimeFormat(language, settings);
  }
  var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  var readerTime, eventTime, readerDay, eventDay, readerWeekday;
  try {
    readerTime = formatter(readerZone, clock);
    eventTime = formatter(eventZone, clock);
    readerDay = formatter(readerZone, { year: "numeric", month: "2-digit", day: "2-digit" });
    eventDay = formatter(eventZone, { year: "numeric", month: "2-digit", day: "2-digit" });
    readerWeekday = formatter(readerZone, { weekday: "short", day: "numeric", month: "short" });
  } catch (error) {
    return;
  }
  var label = root.getAttribute("data-your-time") || "";
  var shown = false;
  var spans = root.querySelectorAll(".session-when");
  for (var i = 0; i < spans.length; i++) {
    var times = spans[i].querySelectorAll("time[datetime]");
    if (!times.length) {
      continue;
    }
    var start = new Date(times[0].getAttribute("datetime"));
    var end = times.length > 1 ? new Date(times[1].getAttribute("datetime")) : null;
    if (isNaN(start.getTime())) {
      continue;
    }
    var sameDay = readerDay.format(start) === eventDay.format(start);
    if (sameDay && readerTime.format(start) === eventTime.format(start)) {
      continue;
    }
    var text = readerTime.format(start) + (end && !isNaN(end.getTime()) ? "–" + readerTime.format(end) : "");
    if (!sameDay) {
      text = readerWeekday.format(start) + " " + text;
    }
    var extra = document.createElement("span");
    extra.className = "reader-time";
    extra.textContent = " (" + text + (label ? " " + label : "") + ")";
    spans[i].appendChild(extra);
    shown = true;
  }
  var note = root.querySelector(".reader-zone-note");
  if (shown && note) {
    note.textContent = (note.getAttribute("data-text") || "").replace("%(zone)s", readerZone);
    note.hidden = false;
  }
})();

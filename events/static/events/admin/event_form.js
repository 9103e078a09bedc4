// The event form: the "When" choice shows only the date fields of the chosen kind. Without this script every
// field shows, and the server ignores those the chosen kind does not use.
"use strict";
(function () {
  const FIELDS = {
    all_day: ["start_date"],
    timed: ["start", "timezone"],
    month: ["start_date"],
    year: ["start_date"],
    none: [],
  };
  // Each line of the When fieldset, by the first field it holds.
  const LINES = ["start_date", "start", "timezone"];

  function show(form, kind) {
    const wanted = FIELDS[kind] || LINES;
    for (const name of LINES) {
      const line = form.querySelector(".event-when-fields .form-row.field-" + name);
      if (line) {
        line.hidden = !wanted.includes(name);
      }
    }
  }

  function start() {
    const form = document.getElementById("event_form");
    if (!form) {
      return;
    }
    const radios = form.querySelectorAll("input[name=when]");
    const checked = form.querySelector("input[name=when]:checked");
    show(form, checked ? checked.value : "");
    for (const radio of radios) {
      radio.addEventListener("change", () => show(form, radio.value));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

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

  // Select2 (the admin's autocomplete) draws its own box beside each select, without a name for screen readers:
  // give its parts the name of the select's label (or of the select itself, in the inlines' rows).
  function nameAutocompletes(form) {
    for (const select of form.querySelectorAll("select.admin-autocomplete")) {
      const label = select.id ? form.querySelector('label[for="' + select.id + '"]') : null;
      const name = (label ? label.textContent : select.getAttribute("aria-label") || "").replace(/:\s*$/, "").trim();
      const box = select.nextElementSibling;
      if (!name || !box || !box.classList.contains("select2")) {
        continue;
      }
      for (const part of box.querySelectorAll(".select2-selection, span.select2-selection__rendered, .select2-search__field")) {
        part.setAttribute("aria-label", name);
      }
      // The "clear" cross sits inside the list of chosen items; keyboards clear with Backspace.
      for (const cross of box.querySelectorAll(".select2-selection__clear")) {
        cross.setAttribute("aria-hidden", "true");
      }
    }
  }

  function start() {
    // The change form, or an earlier version of it (its history page), which has the same fields.
    const form = document.querySelector("form#event_form, form#historicalevent_form");
    if (!form) {
      return;
    }
    const radios = form.querySelectorAll("input[name=when]");
    const checked = form.querySelector("input[name=when]:checked");
    show(form, checked ? checked.value : "");
    for (const radio of radios) {
      radio.addEventListener("change", () => show(form, radio.value));
    }
    nameAutocompletes(form);
    // Select2 boxes are drawn after this script runs, and again for each row an inline adds.
    new MutationObserver(() => nameAutocompletes(form)).observe(form, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

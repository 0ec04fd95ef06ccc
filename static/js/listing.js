// Listings (the case index, the science index, the search page). The page works without
// JavaScript: one GET form with an "Apply filters" button at the top of the filters. With
// JavaScript, ticking a filter or changing the order, page size or year range applies it at
// once; the filter panel is open on wide screens, stays open across these reloads on a phone,
// and focus returns to the control the visitor changed.
(function () {
  "use strict";
  var form = document.querySelector("form[data-auto-apply]");
  if (!form) return;
  var panel = form.querySelector("details[data-remember-open]");
  var wide = window.matchMedia("(min-width: 56rem)");
  var KEY = "closercities-listing";

  function restore() {
    var saved = {};
    try {
      saved = JSON.parse(window.sessionStorage.getItem(KEY) || "{}");
      window.sessionStorage.removeItem(KEY);
    } catch (error) {
      saved = {};
    }
    var here = saved.path === window.location.pathname;
    if (panel && (wide.matches || (here && saved.open))) panel.open = true;
    if (here && saved.focus) {
      var control = form.querySelector(saved.focus);
      if (control) control.focus({ preventScroll: false });
    }
  }

  function selectorFor(control) {
    if (control.id) return "#" + CSS.escape(control.id);
    return (
      'input[name="' + CSS.escape(control.name) + '"][value="' + CSS.escape(control.value) + '"]'
    );
  }

  function apply(control) {
    try {
      window.sessionStorage.setItem(
        KEY,
        JSON.stringify({
          path: window.location.pathname,
          open: Boolean(panel && panel.open),
          focus: selectorFor(control),
        })
      );
    } catch (error) {
      // Private browsing without storage: the filter still applies.
    }
    form.classList.add("is-updating");
    form.setAttribute("aria-busy", "true");
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  // Empty fields (no text, "any year") stay out of the address.
  form.addEventListener("formdata", function (event) {
    var empty = [];
    event.formData.forEach(function (value, name) {
      if (value === "") empty.push(name);
    });
    empty.forEach(function (name) {
      if (event.formData.getAll(name).every(function (value) { return value === ""; })) {
        event.formData.delete(name);
      }
    });
  });

  form.addEventListener("change", function (event) {
    var control = event.target;
    if (control.matches('input[type="checkbox"], select')) apply(control);
  });

  // Coming back with the browser's back button shows this page as it was left.
  window.addEventListener("pageshow", function () {
    form.classList.remove("is-updating");
    form.removeAttribute("aria-busy");
  });

  wide.addEventListener("change", function () {
    if (panel && wide.matches) panel.open = true;
  });

  restore();
})();

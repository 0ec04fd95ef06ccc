// "Was this useful?": sends the answer in the background and shows the next question in place.
// Without JavaScript the same form posts and the page comes back with the next question.
"use strict";
(function () {
  function enhance(section) {
    section.addEventListener("submit", function (event) {
      var form = event.target;
      var button = event.submitter;
      if (!form.matches("form") || !window.fetch || !window.FormData) return;
      event.preventDefault();
      var data = new FormData(form);
      if (button && button.name) data.append(button.name, button.value);
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (answer) {
          var url = new URL(window.location.href);
          url.searchParams.set("feedback", answer.step);
          return fetch(url.toString(), { credentials: "same-origin" });
        })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-feedback]");
          if (!fresh) return;
          section.innerHTML = fresh.innerHTML;
          var heading = section.querySelector("h2[tabindex]");
          if (heading) heading.focus();
        })
        .catch(function () {
          form.submit(); // fall back to the plain form
        });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-feedback]"), enhance);
})();

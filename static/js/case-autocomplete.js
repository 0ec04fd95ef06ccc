// The submission form's "learned from" rows: as someone types a case title, offer the matching
// published cases (from /api/v2/search/suggest/) and remember the chosen one's id. Without
// JavaScript the typed title is matched on the server, which offers the candidates to choose.
(function () {
  "use strict";
  var container = document.querySelector(".learned-from-rows");
  if (!container) return;
  var suggestUrl = container.dataset.suggestUrl;

  function setup(input, index) {
    var name = input.name.replace(/-case$/, "-choice");
    var list = document.createElement("ul");
    list.className = "case-suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var timer = null;
    var request = 0;

    function chosen(id) {
      var hidden = input.form.querySelector('input[type="hidden"][name="' + name + '"]');
      if (!hidden) {
        hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = name;
        input.after(hidden);
      }
      hidden.value = id;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = result.title;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          input.value = result.title;
          chosen(result.id);
          close();
        });
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    input.addEventListener("input", function () {
      chosen("");
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) return close();
      timer = setTimeout(function () {
        var mine = ++request;
        fetch(suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (body) {
            if (mine !== request) return;
            show((body.results || []).filter(function (r) { return r.type === "case"; }));
          })
          .catch(close);
      }, 200);
    });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
  }

  container.querySelectorAll("input[data-case-autocomplete]").forEach(setup);
})();

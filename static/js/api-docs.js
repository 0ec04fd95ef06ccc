// The API docs page (/api/v2/docs/): Swagger UI on the site's own OpenAPI description. A
// static file rather than an inline script, so the Content-Security-Policy can refuse every
// inline script.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || !window.SwaggerUIBundle) return;

  // Swagger UI's server choice has no label; screen readers need one. It is drawn (and
  // redrawn) after the description loads, so label it whenever it appears.
  function labelServers() {
    var select = element.querySelector("select#servers");
    if (select && !select.hasAttribute("aria-label")) select.setAttribute("aria-label", "Server");
  }
  new MutationObserver(labelServers).observe(element, { childList: true, subtree: true });

  window.ui = window.SwaggerUIBundle({
    url: element.dataset.schemaUrl,
    domNode: element,
    // Deep links put a link inside each operation's toggle button, which assistive
    // technology cannot reach: operations open with the button alone.
    deepLinking: false,
    // Everything is served by this site: no online validator, no external requests.
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
})();

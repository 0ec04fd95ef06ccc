// The API docs page (/api/v2/docs/): Swagger UI on the site's own OpenAPI description. A
// static file rather than an inline script, so the Content-Security-Policy can refuse every
// inline script.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || !window.SwaggerUIBundle) return;
  window.ui = window.SwaggerUIBundle({
    url: element.dataset.schemaUrl,
    domNode: element,
    deepLinking: true,
    // Everything is served by this site: no online validator, no external requests.
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
})();

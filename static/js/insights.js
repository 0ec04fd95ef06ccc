// Draws the insight charts with vega-embed. Each chart's Vega-Lite specification sits in a
// JSON element next to it (no inline script); the table below every chart already shows the
// same numbers, so without JavaScript nothing is missing.
"use strict";
(function () {
  function draw(container) {
    var source = document.getElementById(container.dataset.spec);
    if (!source || typeof window.vegaEmbed !== "function" || !window.vega) return;
    var spec = JSON.parse(source.textContent);
    window
      .vegaEmbed(container, spec, {
        actions: false,
        renderer: "svg",
        // Interpret Vega's expressions instead of compiling them with `new Function`, which
        // the production Content-Security-Policy (no eval) refuses.
        ast: true,
        expr: window.vega.expressionInterpreter,
      })
      .then(function () {
        container.classList.add("chart-ready");
      })
      .catch(function (error) {
        container.classList.add("chart-failed");
        if (window.console) window.console.warn("Chart not drawn:", error);
      });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-spec]"), draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

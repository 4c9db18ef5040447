// presslens web app: small, dependency-free behaviour for the server-rendered pages.
// Loaded as a file (the Content-Security-Policy allows no inline script and no eval).
(function () {
  "use strict";

  // Analyze page: a "JSON" link that downloads the analysis embedded in the page.
  var data = document.getElementById("analysis-json");
  var link = document.getElementById("json-link");
  if (data && link) {
    link.href = URL.createObjectURL(new Blob([data.textContent], { type: "application/json" }));
  }

  // Analyze page: hovering a speaker in the side panel brings out that speaker's statements.
  document.querySelectorAll("aside .speaker[data-speaker-index]").forEach(function (panel) {
    var index = panel.getAttribute("data-speaker-index");
    panel.addEventListener("mouseenter", function () {
      document.querySelectorAll("mark.q").forEach(function (m) {
        var mine = m.getAttribute("data-speaker-index") === index;
        m.classList.toggle("dim", !mine);
        m.classList.toggle("focus", mine);
      });
    });
    panel.addEventListener("mouseleave", function () {
      document.querySelectorAll("mark.q").forEach(function (m) { m.classList.remove("dim", "focus"); });
    });
  });

  // Corpus pages: render the Vega-Lite specs embedded as JSON, with the CSP-safe expression interpreter.
  if (window.vegaEmbed) {
    document.querySelectorAll("script.vega-spec").forEach(function (node) {
      var target = document.getElementById(node.getAttribute("data-target"));
      if (target) {
        window.vegaEmbed(target, JSON.parse(node.textContent), {
          actions: false, ast: true, expr: window.vega.expressionInterpreter, renderer: "svg"
        }).catch(function (err) { target.textContent = "Chart failed: " + err.message; });
      }
    });
  }

  // API docs: Swagger UI from the locally served bundle.
  var docs = document.getElementById("swagger-ui");
  if (docs && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: docs.getAttribute("data-openapi"), dom_id: "#swagger-ui" });
  }
})();

// Kiosk's API reference: Swagger UI on the document this runtime serves. A file, not an inline
// script, so that the page's Content-Security-Policy can allow scripts from this origin only.
window.addEventListener("load", function () {
  var here = window.location.origin;
  window.ui = SwaggerUIBundle({
    url: "/_local/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // No badge from swagger.io's online validator: nothing leaves this machine.
    validatorUrl: null,
    // "Try it out" goes to this runtime, whatever port it listens on: the document's local server
    // names the default one.
    requestInterceptor: function (request) {
      var url = new URL(request.url, window.location.href);
      if (url.origin !== here && (url.hostname === "127.0.0.1" || url.hostname === "localhost")) {
        request.url = here + url.pathname + url.search;
      }
      return request;
    }
  });
});

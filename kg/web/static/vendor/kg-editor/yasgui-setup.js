// Starts YASGUI on /query against this server's endpoint; configuration comes from the page, not from network.
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") return;
  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var base = config.base;
  // YASGUI builds a URL from the endpoint with `new URL(endpoint)`, which fails on a relative one: without an
  // absolute URL it shows nothing at all when the server answers an error.
  var endpoint = new URL(config.endpoint, window.location.href).href;
  // Keep only completers that work offline: the default ones ask prefix.cc and LOV over the network.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  var yasgui = new Yasgui(root, {
    requestConfig: {endpoint: endpoint, method: "POST"},
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: {getData: function () { return []; }},
    persistenceId: null,
    yasqe: {value: config.query, resizeable: true, editorHeight: "320px"},
    yasr: {prefixes: config.prefixes}
  });
  // Entity IRIs are minted under the base IRI; open them on this server whatever host the base names.
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[href]");
    if (!a || a.getAttribute("href").indexOf(base) !== 0) return;
    event.preventDefault();
    window.location.href = "/" + a.getAttribute("href").slice(base.length);
  }, true);
  window.kgYasgui = yasgui;
})();

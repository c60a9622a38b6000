// The SPARQL page: YASGUI (served by kg from npm's @zazuko/yasgui) on kg's
// own /sparql endpoint, with the example queries of queries/ a click away.
// Without JavaScript (or without the YASGUI files) the plain form of the
// page still sends the query to /sparql.
(function () {
  'use strict';
  function start() {
    var host = document.getElementById('yasgui');
    var form = document.getElementById('sparql-form');
    var examplesNode = document.getElementById('example-queries-data');
    if (!host || !window.Yasgui) return;  // the plain form stays
    var examples = examplesNode ? JSON.parse(examplesNode.textContent) : [];
    var textarea = document.getElementById('sparql-query');
    var endpoint = window.location.origin + '/sparql';
    var yasgui = new window.Yasgui(host, {
      requestConfig: { endpoint: endpoint, method: 'POST' },
      copyEndpointOnNewTab: true,
      // Only kg's endpoint: no catalogue of remote endpoints.
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      populateFromUrl: false,
      persistenceId: null,
      // Autocompletion from kg's own data only: the prefix and property
      // completers of YASQE would call remote services (prefix.cc, LOV).
      yasqe: { value: textarea ? textarea.value : '', autocompleters: ['variables'], resizeable: true },
      yasr: { prefixes: {} }
    });
    window.kgYasgui = yasgui;
    if (form) form.hidden = true;
    document.querySelectorAll('a[data-example]').forEach(function (link) {
      link.addEventListener('click', function (ev) {
        var ex = examples[Number(link.getAttribute('data-example'))];
        if (!ex) return;
        ev.preventDefault();
        var tab = yasgui.getTab();
        tab.setQuery(ex.query);
        tab.getYasqe().focus();
        document.getElementById('sparql-status').textContent = ex.title;
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// The SPARQL editor (YASGUI, vendored): the whole workbench at /sparql, its query editor on /query.
// It reaches nothing but this site: queries go to /sparql, prefix completion reads the project's
// prefixes (/query/prefixes.json), and the completers that ask LOV for terms are off.
(function () {
  "use strict";
  var configEl = document.getElementById("editor-config");
  if (!configEl || !window.Yasgui) { return; }  // no editor: the page's plain form still works
  var config = JSON.parse(configEl.textContent);
  var Yasgui = window.Yasgui;
  var request = { endpoint: config.endpoint, method: "POST" };

  function editorOptions(extra) {
    var options = {
      autocompleters: ["prefixes", "variables"],  // not "property" and "class": they ask LOV
      prefixCcApi: config.prefixes,
      persistenceId: null,
      requestConfig: request,
      createShareableLink: null,
      resizeable: true
    };
    Object.keys(extra || {}).forEach(function (k) { options[k] = extra[k]; });
    return options;
  }

  function workbench(root) {
    // A shared link opens the query page on the text (a link to /sparql?query=… would be answered
    // by the protocol, not by this editor).
    Yasgui.Tab.prototype.getShareableLink = function () {
      return window.location.origin + "/query?sparql=" + encodeURIComponent(this.getQuery());
    };
    var yasgui = new Yasgui(root, {
      requestConfig: request,
      persistenceId: null,
      populateFromUrl: false,
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; }, keys: [] },
      yasqe: editorOptions(),
      yasr: { persistenceId: null, prefixes: config.prefixMap }
    });
    var pick = document.getElementById("example-pick");
    var described = document.getElementById("example-description");
    var byId = {};
    config.examples.forEach(function (q) { byId[q.id] = q; });
    pick.addEventListener("change", function () {
      var q = byId[pick.value];
      if (!q) { return; }
      var tab = yasgui.getTab();
      tab.getYasqe().setValue(q.body);
      tab.getYasqe().collapsePrefixes(true);  // opens on the query itself; the fold marker shows the prefixes
      tab.setName(q.id);
      described.textContent = q.description;
    });
    window.conflictkgEditor = yasgui;
  }

  function queryPageEditor(textarea) {
    var form = textarea.form;
    var holder = document.createElement("div");
    holder.className = "editor";
    var label = textarea.closest("label") || textarea;  // not inside the label: clicks stay in the editor
    label.parentNode.insertBefore(holder, label.nextSibling);
    var submit = function () { form.requestSubmit(document.getElementById("run-query")); };
    var yasqe = new Yasgui.Yasqe(holder, editorOptions({
      value: textarea.value,
      collapsePrefixesOnLoad: true,
      showQueryButton: false,
      extraKeys: Object.assign({}, Yasgui.Yasqe.defaults.extraKeys, { "Ctrl-Enter": submit, "Cmd-Enter": submit })
    }));
    textarea.hidden = true;
    yasqe.on("change", function () { textarea.value = yasqe.getValue(); });
    window.conflictkgEditor = yasqe;
  }

  // YASR's table sorts every column by the literal's text ("10" before "9"): typed numbers sort by
  // their value and dates by their date instead (DataTables' "sort" and "type" data of a cell).
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte"];
  var DATES = ["date", "dateTime", "dateTimeStamp"];

  function sortKey(binding) {
    if (!binding || typeof binding !== "object" || !binding.datatype || binding.datatype.indexOf(XSD) !== 0) {
      return null;
    }
    var type = binding.datatype.slice(XSD.length);
    var value = Number(binding.value);
    if (NUMERIC.indexOf(type) >= 0) { return isNaN(value) ? null : value; }
    if (DATES.indexOf(type) >= 0) {
      var time = Date.parse(binding.value.slice(0, type === "date" ? 10 : undefined));
      return isNaN(time) ? Date.parse(binding.value.slice(0, 10)) || null : time;
    }
    return null;
  }

  function sortTypedValues(table) {
    if (!table || table.prototype.conflictkgSorts) { return; }
    var columns = table.prototype.getColumns;
    table.prototype.getColumns = function () {
      return columns.call(this).map(function (column) {
        var render = column.render;
        if (typeof render !== "function") { return column; }
        column.render = function (data, type) {
          if (type === "sort" || type === "type") {
            var key = sortKey(data);
            if (key !== null) { return key; }
          }
          return render.apply(this, arguments);
        };
        return column;
      });
    };
    table.prototype.conflictkgSorts = true;
  }

  sortTypedValues(Yasgui.Yasr && Yasgui.Yasr.plugins && Yasgui.Yasr.plugins.table);
  var root = document.getElementById("yasgui");
  var textarea = document.getElementById("sparql-editor");
  if (root) { workbench(root); } else if (textarea) { queryPageEditor(textarea); }
})();

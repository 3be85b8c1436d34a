// The query page: picking a question loads it; an unedited library body is not sent twice.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var pick = document.getElementById("query-id");
  var editor = document.getElementById("sparql-editor");
  var catalogue = JSON.parse(document.getElementById("query-catalogue").textContent);
  var byId = {};
  catalogue.forEach(function (q) { byId[q.id] = q; });
  pick.addEventListener("change", function () {
    window.location.href = "/query" + (pick.value ? "?id=" + encodeURIComponent(pick.value) : "");
  });
  form.addEventListener("submit", function () {
    var q = byId[pick.value];
    if (q && editor.value.trim() === q.body.trim()) { editor.disabled = true; }
  });
})();

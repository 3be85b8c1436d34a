// The query page: picking a question loads it; an unedited library body is not sent twice.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var pick = document.getElementById("query-id");
  var editor = document.getElementById("sparql-editor");
  var body = editor.getAttribute("data-body") || "";  // the picked question's own text, if any
  pick.addEventListener("change", function () {
    window.location.href = "/query" + (pick.value ? "?id=" + encodeURIComponent(pick.value) : "");
  });
  form.addEventListener("submit", function () {
    if (pick.value && body && editor.value.trim() === body.trim()) { editor.disabled = true; }
  });
})();

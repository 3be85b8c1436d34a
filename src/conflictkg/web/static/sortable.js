/* conflictkg: sortable tables (progressive enhancement; no library).
   Every <table class="sortable"> gets a button in each column heading; a click sorts the rows by
   that column (numbers as numbers, whatever their notation; dates and date-times as instants, whatever
   their time zone; text as text), a second click reverses the order.
   Without JavaScript the tables are shown in the order the query gave them. */
(function () {
  "use strict";
  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  var DATE = /^-?\d{4,}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:\d\d)?$/;

  function instant(text) {
    var time = Date.parse(text);
    return isNaN(time) ? Date.parse(text.slice(0, 10)) : time;  // a date with a time zone: its day
  }

  function key(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    if (NUMBER.test(a) && NUMBER.test(b)) { return Number(a) - Number(b); }
    if (DATE.test(a) && DATE.test(b)) { return (instant(a) - instant(b)) || (a < b ? -1 : a > b ? 1 : 0); }
    if (a === "" || b === "") { return a === "" ? (b === "" ? 0 : 1) : -1; }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, th, index) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) { return [row, i]; });
    rows.sort(function (x, y) {
      var c = compare(key(x[0], index), key(y[0], index));
      return (ascending ? c : -c) || x[1] - y[1];
    });
    rows.forEach(function (pair) { body.appendChild(pair[0]); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length || table.tBodies[0].rows.length < 2) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.title = "Sort by this column";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, th, index); });
    });
  }

  document.querySelectorAll("table.sortable").forEach(enhance);
})();

/* conflictkg network page: draws pyvis's nodes, edges and options with vis-network (physics off:
   positions come from networkx), filters the view, searches names and opens resource pages. Every
   text from the data is put into the page with textContent, never as HTML (tooltips are DOM nodes,
   not strings); links are built only from http(s) URLs. */
(function () {
  "use strict";

  /* the page is being opened again at a phone's page size (network_site.html): nothing to draw here */
  if (document.documentElement.hasAttribute("data-reopening")) { return; }
  var block = JSON.parse(document.getElementById("ckg-data").textContent);
  var data = block.view;
  var drawing = block.drawing;
  var container = document.getElementById("network");
  var nodeById = {};
  var edgeById = {};
  var styleByKind = {};
  var linkCount = {};
  var clauseColor = {};
  data.clauses.forEach(function (clause) { clauseColor[clause.id] = clause.color; });
  data.legend.forEach(function (style) { styleByKind[style.kind] = style; });
  data.nodes.forEach(function (node) { nodeById[node.id] = node; linkCount[node.id] = 0; });
  data.edges.forEach(function (edge) {
    edgeById[edge.id] = edge;
    linkCount[edge.from] += 1;
    linkCount[edge.to] += 1;
  });

  /* ---- safe DOM building ---- */

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    if (className) { element.className = className; }
    return element;
  }

  function httpUrl(value, relative) {
    if (typeof value !== "string" || value === "") { return null; }
    try {
      var url = relative ? new URL(value, document.baseURI) : new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(href, text, relative) {
    var safe = httpUrl(href, relative);
    if (!safe) { return el("span", text); }
    var anchor = el("a", text);
    anchor.setAttribute("href", safe);
    if (!relative) { anchor.setAttribute("rel", "noopener noreferrer"); }
    return anchor;
  }

  function short(text, limit) {
    var value = String(text || "");
    return value.length > limit ? value.slice(0, limit - 1) + "\u2026" : value;
  }

  /* ---- names: the same folding as conflictkg.names.name_key ---- */

  var SPECIAL = { "\u0259": "e", "\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u0127": "h", "\u0140": "l", "\u01dd": "e" };
  var SEPARATORS = /[-\u2010\u2011\u2013\u2014_\/.,'\u2019`\u02bc"()]/g;

  function fold(text) {
    var lower = String(text).toLowerCase().replace(/[\u0259\u0131\u0142\u00f8\u0111\u0127\u0140\u01dd]/g, function (c) { return SPECIAL[c]; });
    var bare = lower.normalize("NFKD").replace(/\p{M}/gu, "");
    return bare.replace(SEPARATORS, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  /* ---- tooltips and details ---- */

  function claimItem(index) {
    var claim = data.claims[index];
    var item = el("li");
    item.appendChild(el("span", (claim.date || "undated") + " \u00b7 " + claim.stance_label + " \u00b7 " + claim.claimant_label + ": "));
    item.appendChild(link(claim.href, claim.label, true));
    claim.sources.forEach(function (url) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link(url, "[source]", false));
    });
    return item;
  }

  function claimList(indexes) {
    var list = el("ul");
    indexes.slice(0, 25).forEach(function (index) { list.appendChild(claimItem(index)); });
    if (indexes.length > 25) { list.appendChild(el("li", "\u2026 and " + (indexes.length - 25) + " more")); }
    return list;
  }

  function nodeCard(node) {
    var card = el("div", null, "tip");
    card.appendChild(el("strong", node.label));
    card.appendChild(el("div", (styleByKind[node.kind] || { label: node.kind }).label + " \u00b7 " + node.curie, "kind"));
    var others = node.names.filter(function (name) { return name !== node.label; });
    if (others.length) { card.appendChild(el("div", "Also: " + others.slice(0, 12).join(" \u00b7 "))); }
    if (!node.members) { card.appendChild(el("div", "Links: " + node.degree + " \u00b7 betweenness " + node.betweenness, "kind")); }
    if (node.url) {
      var source = el("div", "Source: ");
      source.appendChild(link(node.url, node.url, false));
      card.appendChild(source);
    }
    if (node.claims.length) { card.appendChild(claimList(node.claims)); }
    if (node.members) {
      card.appendChild(el("div", data.paging && (node.href === data.paging.next || node.href === data.paging.previous)  // the group's own node
        ? "Click to open another page of this group (" + node.members + " members are on other pages)."
        : "Click the group to see its " + node.members + " members and their links.", "kind"));
    } else if (node.href) { card.appendChild(el("div", "Click the node to open its page.", "kind")); }
    return card;
  }

  function edgeCard(edge) {
    var card = el("div", null, "tip");
    card.appendChild(el("strong", edge.count ? edge.label + (edge.count === 1 ? " link" : " links") : edge.label));
    card.appendChild(el("div", nodeById[edge.from].label + " \u2192 " + nodeById[edge.to].label, "kind"));
    if (edge.bases.length) { card.appendChild(el("div", "Clause link: " + edge.bases.join("; "), "kind")); }
    if (edge.claims.length) {
      card.appendChild(el("div", edge.claims.length + (edge.claims.length === 1 ? " claim" : " claims")));
      card.appendChild(claimList(edge.claims));
    }
    return card;
  }

  function showDetails(card) {
    var body = document.getElementById("details-body");
    body.replaceChildren(card);
  }

  /* ---- drawing ---- */

  function withTitle(item, card) {
    return Object.assign({}, item, { title: card });
  }

  /* the width of a drawn allegation edge for its number of live claims (drawing.edge_width in Python) */
  function edgeWidth(edge, live) {
    if (edge.count) { return Math.round(100 * (1 + 1.5 * Math.log2(1 + edge.count))) / 100; }
    return edge.keyed ? 1 + 1.5 * Math.sqrt(live) : 1;
  }

  function edgeLabel(edge, showLabels) {
    return showLabels ? short(edge.label, 48) + (edge.keyed ? " (" + edge.claims.length + ")" : "") : "";
  }

  function showEdgeLabels(show) {
    edges.update(data.edges.map(function (edge) { return { id: edge.id, label: edgeLabel(edge, show) }; }));
  }

  var labelBox = document.getElementById("edge-labels");
  var nodes = new vis.DataSet(drawing.nodes.map(function (item) { return withTitle(item, nodeCard(nodeById[item.id])); }));
  var edges = new vis.DataSet(drawing.edges.map(function (item) { return withTitle(item, edgeCard(edgeById[item.id])); }));
  if (labelBox.checked) { showEdgeLabels(true); }  /* the box may come back checked (history) */
  var options = JSON.parse(drawing.options);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var labelInfo = { degree: {}, color: {}, inside: {} };
  drawing.nodes.forEach(function (item) {
    var group = options.groups[item.group] || {};
    labelInfo.degree[item.id] = nodeById[item.id].degree;
    labelInfo.color[item.id] = (group.font && group.font.color) || "#1d1d1f";
    labelInfo.inside[item.id] = ["box", "ellipse", "circle", "database", "text"].indexOf(group.shape || item.shape) >= 0;
  });
  var labels = ckgLabels(network, nodes, labelInfo);
  var layoutBox = document.getElementById("layout");
  var scope = layoutBox.getAttribute("data-scope");
  var drawn = {};  /* each node's label and place as drawn first: full labels, wrapped, never cut */
  drawing.nodes.forEach(function (item) { drawn[item.id] = { label: item.label, y: item.y }; });
  var numbered = data.nodes.filter(function (node) { return node.short; });
  var LINE_PX = 18, EDGE_PX = 8, MIN_SHARE = 0.8;  /* a label line's height on screen (12 px font), room at the canvas's edges */
  /* the first view: labels chosen for the canvas, fitted with room for them, the most connected drawn */
  chooseLabels();
  network.once("afterDrawing", function () {
    window.ckgNetwork = { network: network, nodes: nodes, edges: edges, labels: labels.drawn, ready: true, readyMs: performance.now() };
    document.documentElement.setAttribute("data-ready", "true");
  });
  network.redraw();

  /* Labels for the canvas as it is now, chosen again whenever it changes size (a phone turned, a window
     resized): full names (wrapped) when the canvas is wide enough for all of them, else each group or
     member by its number in the list beside the drawing, which names it in full, as does its tooltip (#13).
     The layout says which: data-labels="full" or "numbers", and data-labels-width for which canvas width. */
  function chooseLabels() {
    var narrow = container.clientWidth < ckgLabels.NARROW_PX;
    var mode = numbered.length && narrow ? "numbers" : "full";
    showLabels(mode);
    if (mode === "full" && numbered.length && !everyLabelDrawn()) { mode = "numbers"; showLabels(mode); }
    layoutBox.setAttribute("data-labels", mode);
    layoutBox.setAttribute("data-labels-width", String(container.clientWidth));  /* the canvas width they were chosen for */
  }

  function showLabels(mode) {
    nodes.update(numbered.map(function (node) {
      return { id: node.id, label: mode === "numbers" ? node.short : drawn[node.id].label, y: drawn[node.id].y };
    }));
    if (mode === "numbers" && scope === "summary" && container.clientWidth < ckgLabels.NARROW_PX) { stretchColumns(); }
    if (scope === "group") { fitHeight(mode); }
    labels.frame(scope === "group" ? MIN_SHARE : undefined);  /* a group's numbers may shrink it a little: none is cut */
  }

  function everyLabelDrawn() {
    var visible = nodes.getIds({ filter: function (item) { return !item.hidden; } }).length;
    return labels.drawn().boxes.length === visible;
  }

  /* A phone's canvas is too narrow for the summary's names side by side: the columns are stretched to
     the canvas's height so that the numbers do not overlap (#13). */
  function stretchColumns() {
    var width = container.clientWidth, height = container.clientHeight;
    if (!width || !height) { return; }
    var xs = numbered.map(function (node) { return node.x; }), ys = numbered.map(function (node) { return node.y; });
    var spanX = Math.max.apply(null, xs) - Math.min.apply(null, xs) || 1;
    var spanY = Math.max.apply(null, ys) - Math.min.apply(null, ys) || 1;
    var room = 80;  /* px: the labels below the lowest nodes, and the largest nodes' halves above and below */
    var stretch = Math.min(Math.max(((height - room) / width) / (spanY / spanX), 0.6), 3);  /* also squeezed: the width decides the scale */
    nodes.update(numbered.map(function (node) { return { id: node.id, y: node.y * stretch }; }));
  }

  /* A drilled-down group is laid out on a grid whose cells hold full labels at scale 1 (graphs.on_grid):
     the drawing is made as tall as the grid needs at the scale the canvas's width allows (the scale
     ckgLabels' frame then chooses), so that every label is drawn; the list beside it scrolls (#13). */
  function fitHeight(mode) {
    var column = getComputedStyle(layoutBox).flexDirection === "column";  /* a phone: the panel below */
    var sized = column ? container : layoutBox;
    container.style.height = layoutBox.style.height = "";  /* the other may have been sized before a turn */
    var box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity }, lines = 1;
    numbered.forEach(function (node) {
      var r = network.body.nodes[node.id].options.size || 10, y = drawn[node.id].y;
      box.minX = Math.min(box.minX, node.x - r); box.maxX = Math.max(box.maxX, node.x + r);
      box.minY = Math.min(box.minY, y - r); box.maxY = Math.max(box.maxY, y + r);
      if (mode === "full") { lines = Math.max(lines, String(drawn[node.id].label).split("\n").length); }
    });
    var scale = Math.min(1, (container.clientWidth - 2 * EDGE_PX) / Math.max(box.maxX - box.minX, 1));
    var below = LINE_PX * lines + 4 * EDGE_PX;  /* the last row's labels and their gap to the nodes, in pixels at any scale */
    var need = Math.ceil((box.maxY - box.minY) * scale + below + 2 * EDGE_PX);
    need += sized === container ? 0 : layoutBox.clientHeight - container.clientHeight;
    if (need > sized.clientHeight) { sized.style.height = need + "px"; }
    network.setSize("100%", "100%");
    network.redraw();
  }

  var relabelTimer = null;
  function relabelSoon() {
    clearTimeout(relabelTimer);
    relabelTimer = setTimeout(labels.refresh, 120);
  }
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  network.on("resize", relabelSoon);
  var sizeTimer = null, lastWidth = container.clientWidth;
  window.addEventListener("resize", function () {  /* a phone turned, a window resized: labels chosen again */
    clearTimeout(sizeTimer);
    sizeTimer = setTimeout(function () {
      if (container.clientWidth === lastWidth && scope !== "group") { labels.frame(); return; }
      lastWidth = container.clientWidth;
      chooseLabels();
    }, 150);
  });
  network.on("blurNode", function () { labels.hover(null); });

  /* ---- a phone opens a group a few members a page (#13) ---- */

  /* On a phone's width a page of 30 members (claims of five lines each) ran to 6,500 px: the links that open
     a group at its first page (the summary's nodes, the list of groups) ask for data-phone-per-page members a
     page (network.paging.PHONE_PER_PAGE); a page's own links keep the size it was opened with. A group opened
     on a phone by a URL without per_page is opened again at that size before it is drawn (network_site.html). */
  var phonePerPage = layoutBox.getAttribute("data-phone-per-page");
  var phoneMedia = layoutBox.getAttribute("data-phone-media");
  /* "?group=KEY", after a clause view's own parameters ("?clause=6&group=KEY", #14); no page or per_page */
  function firstPageOfGroup(href) {
    return typeof href === "string" && /^\?(?:[^&]*&)*group=[^&]+$/.test(href) && !/[?&](?:page|per_page)=/.test(href);
  }
  if (phonePerPage && phoneMedia && window.matchMedia(phoneMedia).matches) {
    data.nodes.forEach(function (node) {
      if (node.members && firstPageOfGroup(node.href)) { node.href += "&per_page=" + phonePerPage; }
    });
    document.querySelectorAll("#groups a").forEach(function (anchor) {
      var href = anchor.getAttribute("href");
      if (firstPageOfGroup(href)) { anchor.setAttribute("href", href + "&per_page=" + phonePerPage); }
    });
  }

  /* ---- PNG export: the drawing as shown, on white, made in the browser (no request) ---- */

  function pngName() {
    var parts = ["network", data.view];
    Object.keys(data.params || {}).sort().forEach(function (key) {
      if (key === "names") { return; }
      data.params[key].forEach(function (value) { parts.push(String(value).split(/[\/:]/).pop()); });
    });
    return parts.join("-").replace(/[^A-Za-z0-9._-]/g, "_") + ".png";
  }

  function savePng() {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(canvas, 0, 0);
    var anchor = document.createElement("a");
    anchor.href = out.toDataURL("image/png");
    anchor.download = pngName();
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
  }

  document.getElementById("export-png").addEventListener("click", savePng);

  network.on("click", function (params) {
    if (params.nodes.length === 1) {
      var target = httpUrl(nodeById[params.nodes[0]].href, true);
      if (target) { window.location.assign(target); }
    } else if (params.edges.length === 1) {
      showDetails(edgeCard(edgeById[params.edges[0]]));
    }
  });
  network.on("hoverNode", function (params) { labels.hover(params.node); showDetails(nodeCard(nodeById[params.node])); });
  network.on("hoverEdge", function (params) { showDetails(edgeCard(edgeById[params.edge])); });

  /* ---- filters ---- */

  var controls = {
    from: document.getElementById("filter-from"), to: document.getElementById("filter-to"),
    clause: document.getElementById("filter-clause"), claimant: document.getElementById("filter-claimant"),
    stance: document.getElementById("filter-stance")
  };

  function clauseMatches(clauses, wanted) {
    if (wanted === "") { return true; }
    if (wanted === "none") { return clauses.length === 0; }
    return clauses.indexOf(wanted) >= 0;
  }

  function claimPasses(claim, filter, ignoreClause) {
    if (filter.from || filter.to) {
      if (!claim.date) { return false; }
      if (filter.from && claim.date < filter.from) { return false; }
      if (filter.to && claim.date > filter.to) { return false; }
    }
    if (filter.claimant && claim.claimant !== filter.claimant) { return false; }
    if (filter.stance && claim.stance !== filter.stance) { return false; }
    return ignoreClause || clauseMatches(claim.clauses, filter.clause);
  }

  function liveClaims(edge, filter, pass, passAnyClause) {
    if (!edge.keyed) { return edge.claims.filter(function (i) { return pass[i]; }); }
    if (!clauseMatches(edge.clause ? [edge.clause] : [], filter.clause)) { return []; }
    return edge.claims.filter(function (i) { return passAnyClause[i]; });
  }

  function applyFilters() {
    var filter = { from: controls.from.value, to: controls.to.value, clause: controls.clause.value,
                   claimant: controls.claimant.value, stance: controls.stance.value };
    var pass = data.claims.map(function (claim) { return claimPasses(claim, filter, false); });
    var passAnyClause = data.claims.map(function (claim) { return claimPasses(claim, filter, true); });
    var hidden = {};
    var visibleLinks = {};
    data.nodes.forEach(function (node) {
      hidden[node.id] = node.claims.length > 0 && !node.claims.some(function (i) { return pass[i]; });
    });
    var edgeUpdates = data.edges.map(function (edge) {
      var live = liveClaims(edge, filter, pass, passAnyClause);
      var off = (edge.claims.length > 0 && live.length === 0) || hidden[edge.from] || hidden[edge.to];
      if (!off) {
        visibleLinks[edge.from] = (visibleLinks[edge.from] || 0) + 1;
        visibleLinks[edge.to] = (visibleLinks[edge.to] || 0) + 1;
      }
      return { id: edge.id, hidden: off, width: edgeWidth(edge, live.length) };
    });
    var nodeUpdates = data.nodes.map(function (node) {
      var off = hidden[node.id] || (linkCount[node.id] > 0 && !visibleLinks[node.id]);
      return { id: node.id, hidden: off };
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    document.getElementById("count-nodes").textContent = nodeUpdates.filter(function (u) { return !u.hidden; }).length;
    document.getElementById("count-edges").textContent = edgeUpdates.filter(function (u) { return !u.hidden; }).length;
    labels.refresh();
  }

  if (controls.from) {  /* the summary has no filters: its nodes are groups, not claims */
    Object.keys(controls).forEach(function (name) { controls[name].addEventListener("change", applyFilters); });
    document.getElementById("filter-reset").addEventListener("click", function () {
      Object.keys(controls).forEach(function (name) { controls[name].value = ""; });
      applyFilters();
    });
  }
  labelBox.addEventListener("change", function () { showEdgeLabels(labelBox.checked); });

  /* ---- search by any name ---- */

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");

  function rank(node, key) {
    var best = null;
    node.keys.forEach(function (candidate) {
      var score = candidate === key ? 0 : candidate.indexOf(key) === 0 ? 1 : candidate.indexOf(key) > 0 ? 2 : null;
      if (score !== null && (best === null || score < best)) { best = score; }
    });
    return best;
  }

  function focusNode(id) {
    var item = nodes.get(id);
    if (item && item.hidden) {
      status.textContent = "\u201c" + nodeById[id].label + "\u201d is hidden by the filters; reset them to see it.";
      return;
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    labels.refresh();
    showDetails(nodeCard(nodeById[id]));
  }

  function search() {
    var key = fold(document.getElementById("search").value);
    results.replaceChildren();
    if (key.length < 2) { status.textContent = ""; network.unselectAll(); return; }
    var found = [];
    data.nodes.forEach(function (node) {
      var score = rank(node, key);
      if (score !== null) { found.push({ node: node, score: score }); }
    });
    found.sort(function (a, b) {
      return a.score - b.score || a.node.label.localeCompare(b.node.label) || (a.node.id < b.node.id ? -1 : 1);
    });
    status.textContent = found.length === 0 ? "No name matches." : found.length + (found.length === 1 ? " match" : " matches");
    found.slice(0, 20).forEach(function (hit) {
      var button = el("button", hit.node.label);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(hit.node.id); });
      var item = el("li");
      item.appendChild(button);
      results.appendChild(item);
    });
    if (found.length) { focusNode(found[0].node.id); }
  }

  document.getElementById("search").addEventListener("input", search);
}());

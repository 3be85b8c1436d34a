/* conflictkg network labels: which node labels are drawn, and at what size, so that they stay
   readable. Labels keep at least LABEL_PX on screen when the view is zoomed out (their font grows in
   drawing units as the scale shrinks). The first view is fitted with room for the labels, so none is
   cut at the canvas edges; on a narrow canvas (a phone) the drawing keeps the full width instead, and
   the labels that would reach past an edge are not drawn until the view is zoomed. A label is drawn only when it lies wholly inside the canvas and does not
   overlap a label already drawn, the most connected nodes first (ties by id): the others show on
   hover and appear as the view is zoomed in. Deterministic: the same view and size draw the same
   labels. Exposes ckgLabels(network, nodes, info) -> {frame, refresh, hover, drawn}, and
   ckgLabels.NARROW_PX. */
var ckgLabels = (function () {
  "use strict";

  var LABEL_PX = 12;     /* a label's font size on screen, at least, when zoomed out */
  var EDGE_PX = 6;       /* room kept free at the canvas edges */
  var GAP_PX = 2;        /* room between two drawn labels */
  var MIN_SHARE = 0.6;   /* the room for labels may shrink the fitted drawing to this share, no more */
  var NARROW_PX = 600;  /* on a canvas narrower than this (a phone) the drawing keeps the full width: */
  var NARROW_SHARE = 1; /* labels that would be cut at the edges wait for a zoom instead (#13) */
  var MAX_SCALE = 1;     /* a small view is not blown up beyond its natural size */
  var HIDDEN = "rgba(0,0,0,0)";
  var HALO_PX = 3;      /* the white outline around a label drawn below its node */
  var INSIDE_HIDDEN = 0.1; /* shapes drawn around their label (box, ellipse) shrink to this while unlabelled */

  function overlaps(a, b) {
    return a.left < b.right + GAP_PX && b.left < a.right + GAP_PX && a.top < b.bottom + GAP_PX && b.top < a.bottom + GAP_PX;
  }

  /* info: {degree: {id: links}, color: {id: the label colour of its group}, inside: {id: true when the
     shape is drawn around its label}} */
  function labeller(network, nodes, info) {
    var state = {};   /* id -> {size, shown}: what each node's font was last set to */
    var hovered = null;
    var shownIds = {};

    function canvasSize() {
      var canvas = network.canvas.frame.canvas;
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    }

    function visibleIds() {
      return nodes.getIds({ filter: function (item) { return !item.hidden; } });
    }

    function byConnections(ids) {
      return ids.slice().sort(function (a, b) {
        return (info.degree[b] || 0) - (info.degree[a] || 0) || (a < b ? -1 : a > b ? 1 : 0);
      });
    }

    function fontSize(scale) {
      return LABEL_PX / Math.min(scale, 1);
    }

    /* set each node's font (size, and its colour or transparent), touching only what changed */
    function setFonts(size, shown) {
      var updates = [];
      nodes.getIds().forEach(function (id) {
        var on = !!shown[id] || id === hovered;
        var want = { size: info.inside[id] && !on ? size * INSIDE_HIDDEN : size, shown: on };
        var had = state[id];
        if (had && had.size === want.size && had.shown === want.shown) { return; }
        state[id] = want;
        var halo = want.shown && !info.inside[id] ? HALO_PX * want.size / LABEL_PX : 0;  /* white outline: reads over edges */
        updates.push({ id: id, font: { size: want.size, color: want.shown ? info.color[id] : HIDDEN, strokeWidth: halo, strokeColor: "#ffffff" } });
      });
      if (updates.length) { nodes.update(updates); }
    }

    /* the label's box in canvas pixels at font size `size` (vis-network measures it when it draws the
       node; a shrunk unlabelled box is grown about its centre) */
    function labelBox(id, size) {
      var body = network.body.nodes[id];
      var box = body && body.labelModule && body.labelModule.size;
      if (!box || !box.width) { return null; }
      var grow = size && state[id] ? size / state[id].size : 1;
      var cx = box.left + box.width / 2, cy = box.top + box.height / 2;
      var halfW = grow * box.width / 2, halfH = grow * box.height / 2;
      var a = network.canvasToDOM({ x: cx - halfW, y: cy - halfH });
      var b = network.canvasToDOM({ x: cx + halfW, y: cy + halfH });
      return { id: id, left: a.x, top: a.y, right: b.x, bottom: b.y };
    }

    /* the node shapes' extent in drawing units */
    function extent(ids) {
      var box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
      ids.forEach(function (id) {
        var body = network.body.nodes[id];
        var radius = body.options.size || 10;
        box.minX = Math.min(box.minX, body.x - radius); box.minY = Math.min(box.minY, body.y - radius);
        box.maxX = Math.max(box.maxX, body.x + radius); box.maxY = Math.max(box.maxY, body.y + radius);
      });
      return box;
    }

    function scaleFor(box, canvas) {
      var width = Math.max(box.maxX - box.minX, 1);
      var height = Math.max(box.maxY - box.minY, 1);
      return Math.min((canvas.width - 2 * EDGE_PX) / width, (canvas.height - 2 * EDGE_PX) / height, MAX_SCALE);
    }

    /* where a node and its label reach on screen at scale s, in pixels from the drawing's origin:
       labels keep their screen size (font LABEL_PX / s), measured once at scale s0 */
    function reach(ids, s0) {
      return ids.map(function (id) {
        var body = network.body.nodes[id];
        var box = body.labelModule.size;
        return { x: body.x, y: body.y, r: body.options.size || 10, inside: info.inside[id],
                 w: box.width * s0, h: box.height * s0, dy: box.top - body.y };
      });
    }

    function span(items, s, withLabels) {
      var box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
      items.forEach(function (it) {
        var left = (it.x - it.r) * s, right = (it.x + it.r) * s, top = (it.y - it.r) * s, bottom = (it.y + it.r) * s;
        if (withLabels && it.w) {
          var labelTop = it.inside ? it.y * s - it.h / 2 : (it.y + it.dy) * s;
          left = Math.min(left, it.x * s - it.w / 2); right = Math.max(right, it.x * s + it.w / 2);
          top = Math.min(top, labelTop); bottom = Math.max(bottom, labelTop + it.h);
        }
        box.minX = Math.min(box.minX, left); box.maxX = Math.max(box.maxX, right);
        box.minY = Math.min(box.minY, top); box.maxY = Math.max(box.maxY, bottom);
      });
      return box;
    }

    function fits(box, canvas) {
      return box.maxX - box.minX <= canvas.width - 2 * EDGE_PX && box.maxY - box.minY <= canvas.height - 2 * EDGE_PX;
    }

    /* the first view: fitted with room for every label (found by bisection over the scale, the
       labels measured once: their screen size does not change with the scale) */
    function frame(minShare) {  /* minShare: how far the labels may shrink the drawing, in place of the default */
      var ids = visibleIds();
      var canvas = canvasSize();
      if (!ids.length || !canvas.width || !canvas.height) { return; }
      var high = scaleFor(extent(ids), canvas);
      setFonts(fontSize(high), shownIds);
      network.redraw();
      var items = reach(ids, high);
      var low = (minShare || (canvas.width < NARROW_PX ? NARROW_SHARE : MIN_SHARE)) * high;
      var withLabels = fits(span(items, low, true), canvas);  /* else narrow screens: labels at the edges wait */
      if (withLabels) {
        for (var step = 0; step < 30; step += 1) {
          var mid = (low + high) / 2;
          if (fits(span(items, mid, true), canvas)) { low = mid; } else { high = mid; }
        }
      }
      var box = span(items, low, withLabels);
      network.moveTo({ position: { x: (box.minX + box.maxX) / 2 / low, y: (box.minY + box.maxY) / 2 / low }, scale: low, animation: false });
      refresh();
    }

    /* choose the labels to draw at the current scale and position */
    function refresh() {
      var canvas = canvasSize();
      var size = fontSize(network.getScale());
      setFonts(size, shownIds);
      network.redraw();
      var kept = [];
      shownIds = {};
      byConnections(visibleIds()).forEach(function (id) {
        var box = labelBox(id, size);
        if (!box || box.left < 0 || box.top < 0 || box.right > canvas.width || box.bottom > canvas.height) { return; }
        if (kept.some(function (other) { return overlaps(other, box); })) { return; }
        kept.push(box);
        shownIds[id] = true;
      });
      setFonts(size, shownIds);
    }

    function hover(id) {
      hovered = id;
      setFonts(fontSize(network.getScale()), shownIds);
    }

    /* the labels drawn now, as boxes in canvas pixels (the browser tests read them) */
    function drawn() {
      var boxes = Object.keys(shownIds).sort().map(function (id) {
        var box = labelBox(id);
        if (box) { box.text = String(nodes.get(id).label); }
        return box;
      }).filter(Boolean);
      var canvas = canvasSize();
      return { width: canvas.width, height: canvas.height, fontPx: fontSize(network.getScale()) * network.getScale(), boxes: boxes };
    }

    return { frame: frame, refresh: refresh, hover: hover, drawn: drawn };
  }
  labeller.NARROW_PX = NARROW_PX;
  return labeller;
}());

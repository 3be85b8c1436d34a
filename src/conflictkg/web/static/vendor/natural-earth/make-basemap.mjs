// Clip Natural Earth admin-0 countries (world-atlas 2.0.2, countries-10m.json) to the South
// Caucasus and simplify them: the offline basemap of conflictkg's /map.
// Usage: node make-basemap.mjs path/to/world-atlas/countries-10m.json > south-caucasus.geojson
import { readFileSync } from "node:fs";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, quantile } from "topojson-simplify";

const BBOX = [38.5, 37.0, 51.5, 44.5]; // west, south, east, north (degrees)
const world = JSON.parse(readFileSync(process.argv[2], "utf8"));
const countries = feature(world, world.objects.countries).features;

// Sutherland-Hodgman: clip one ring to one half-plane, then to the four edges of BBOX.
function clipEdge(ring, inside, cross) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    if (inside(b)) { if (!inside(a)) out.push(cross(a, b)); out.push(b); }
    else if (inside(a)) out.push(cross(a, b));
  }
  return out;
}
const atX = (x) => (a, b) => [x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])];
const atY = (y) => (a, b) => [a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y];
function clipRing(ring) {
  let r = ring.slice(0, -1);
  const [w, s, e, n] = BBOX;
  r = clipEdge(r, (p) => p[0] >= w, atX(w));
  r = clipEdge(r, (p) => p[0] <= e, atX(e));
  r = clipEdge(r, (p) => p[1] >= s, atY(s));
  r = clipEdge(r, (p) => p[1] <= n, atY(n));
  return r.length >= 3 ? [...r, r[0]] : null;
}
function clipPolygon(rings) {
  const clipped = rings.map(clipRing);
  return clipped[0] ? clipped.filter(Boolean) : null;
}
const kept = {};
for (const f of countries) {
  const polys = f.geometry == null ? [] : f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const clipped = polys.map(clipPolygon).filter(Boolean);
  if (clipped.length) kept[f.properties.name] = { type: "MultiPolygon", coordinates: clipped };
}
let topo = presimplify(topology(kept, 1e5));
topo = simplify(topo, quantile(topo, 0.5));
const names = Object.keys(kept).sort();
const out = { type: "FeatureCollection",
  source: "Natural Earth 1:10m admin-0 countries v4.1.0 (public domain) via world-atlas 2.0.2, clipped to " + BBOX.join(",") + " and simplified",
  features: names.map((name) => {
    const g = feature(topo, topo.objects[name]).geometry;
    const round = (c) => typeof c[0] === "number" ? [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4] : c.map(round);
    return { type: "Feature", properties: { name }, geometry: { type: g.type, coordinates: round(g.coordinates) } };
  }) };
process.stdout.write(JSON.stringify(out) + "\n");

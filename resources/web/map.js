// Map page of the planner. Talks to Python only through the QWebChannel object
// `bridge`: Python -> page as signals carrying JSON strings, page -> Python as slot calls.
// Nothing here is built from data by string formatting.
"use strict";

const map = L.map("map", {
  preferCanvas: true,
  zoomControl: true,
  attributionControl: false,
  boxZoom: false,
  fadeAnimation: false,
  zoomSnap: 0.25,
  maxZoom: 21,
});
map.setView([36.65, 117.02], 14);
const renderer = L.canvas({ padding: 0.3, tolerance: 4 }); // overlays only
L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);

var HIGHLIGHT = { color: "#00c8ff", weight: 3.5, opacity: 1 };
const LABEL_MAX = 400;

const state = {
  layers: new Map(), // id -> {style, tiles: TiledLayer}
  order: [],         // ids, bottom -> top
  labels: L.layerGroup().addTo(map),
  overlays: new Map(), // name -> L.GeoJSON (zone outlines, service bands, problems ...)
  mode: "pan",
  pick: [],          // layer ids a click tries first
};
let bridge = null;

// Epoch milliseconds at which the last layer was received, fetched, parsed, indexed and drawn
// (read by bench/bench_load.py beside its own clock).
const timings = {};
function mark(name) { timings[name] = performance.timeOrigin + performance.now(); }

// Messages are handled in the order Python sent them: a layer's geometry is fetched first, and
// whatever came after it (its selection, the draw order, a fit) waits for it.
let inbox = Promise.resolve();
let inboxWaiting = 0; // messages received and not yet handled (read by tests through ocp.waiting)
function inOrder(handler) {
  return (...args) => {
    inboxWaiting += 1;
    inbox = inbox.then(() => handler(...args)).catch((e) => console.error(String(e)))
      .finally(() => { inboxWaiting -= 1; });
  };
}

async function receiveLayer(meta, head) {
  mark("received");
  delete timings.reported;
  delete timings.drawn;
  const h = JSON.parse(head);
  const m = JSON.parse(meta);
  const [body, labels] = await Promise.all([fetchBody(h.url, "arrayBuffer"),
                                            m.labelsUrl ? fetchBody(m.labelsUrl, "json") : null]);
  mark("fetched");
  if (labels) m.labels = labels; // a big layer's labels come as a body of their own
  mark("parsed");
  addLayer(m, h, body);
}

async function fetchBody(url, kind) {
  const response = await fetch(url);
  if (!response.ok) throw new Error("body not served: " + response.status);
  return kind === "json" ? response.json() : response.arrayBuffer();
}

// A big overlay's GeoJSON comes as a URL the page fetches (ocpmap://map/layers/<token>.bin), not as text.
// A packed overlay (a city's life-circle bands) comes as binary drawn in tiles like a data layer.
async function receiveOverlay(payload) {
  const p = JSON.parse(payload);
  if (p.patch) { // rings of a packed overlay changed in boxes (a planned site added, moved or removed)
    mark("patchReceived");
    const body = await fetchBody(p.url, "binary");
    mark("patchFetched");
    const ov = state.overlays.get(p.name);
    if (ov && ov.applyPatch) ov.applyPatch(p.patch, body, p.remove, p.boxes);
    mark("patchApplied"); // the rings swapped and the tiles over the boxes redrawn
    signalDrawn();
    return;
  }
  if (p.url) {
    if (p.packed) p.body = await fetchBody(p.url, "binary");
    else p.geojson = await fetchBody(p.url, "json");
  }
  if (p.packed) setPackedOverlay(p);
  else setOverlay(p);
}

let simplifyPacked = true; // off only for a benchmark's peer (ocp.benchSimplify)
map.createPane("packed").style.zIndex = 390; // packed overlays: above the data layers, below the other overlays
function setPackedOverlay(p) {
  const old = state.overlays.get(p.name);
  if (old) map.removeLayer(old);
  const weight = Math.max(0, ...p.styles.map((st) => st.weight || 0));
  const ov = new TiledLayer(p.packed, p.body, { features: p.styles, weight, radius: 0 }, { pane: "packed" });
  ov.simplified = simplifyPacked; // low zooms draw it simplified to half a pixel (tiled.js levelAt)
  ov.on("load", signalDrawn);
  if (p.visible !== false) ov.addTo(map);
  ov.ocpLabels = p.labels || [];
  ov.ocpTop = false;
  state.overlays.set(p.name, ov);
  refreshLabels();
  signalDrawn();
}

// ---------------------------------------------------------------- layers
// Data layers are TiledLayer grids (tiled.js); their z-order follows state.order.
function addLayer(meta, head, body) {
  removeLayer(meta.id);
  const tiles = new TiledLayer(head, body, meta, {});
  mark("indexed");
  const entry = { style: meta, tiles };
  tiles.once("load", () => mark("drawn"));
  tiles.on("load", signalDrawn);
  state.layers.set(meta.id, entry);
  if (!state.order.includes(meta.id)) state.order.push(meta.id);
  restack();
}

function removeLayer(id) {
  const entry = state.layers.get(id);
  if (!entry) return;
  const outline = outlines.get(id);
  if (outline) { map.removeLayer(outline); outlines.delete(id); }
  map.removeLayer(entry.tiles);
  state.layers.delete(id);
  state.order = state.order.filter((x) => x !== id);
  refreshLabels();
  signalDrawn();
}

function restack() {
  state.order.forEach((id, i) => {
    const e = state.layers.get(id);
    if (!e) return;
    e.tiles.setZIndex(10 + i);
    if (e.style.visible && !map.hasLayer(e.tiles)) e.tiles.addTo(map);
    if (!e.style.visible && map.hasLayer(e.tiles)) map.removeLayer(e.tiles);
  });
  refreshLabels();
  signalDrawn();
}

function setStyle(meta) {
  const entry = state.layers.get(meta.id);
  if (!entry) return;
  const wasVisible = entry.style.visible;
  entry.style = meta;
  entry.tiles.setFeatureStyle(meta);
  const outline = outlines.get(meta.id);
  if (outline && meta.visible !== map.hasLayer(outline)) meta.visible ? outline.addTo(map) : map.removeLayer(outline);
  if (wasVisible !== meta.visible) restack();
  else { refreshLabels(); signalDrawn(); }
}

function setOrder(ids) {
  state.order = ids.filter((id) => state.layers.has(id));
  restack();
}

// Selected features are also outlined in their own pane above the overlays (a gap choropleth
// would cover the layer's own highlight); labels stay above them.
map.createPane("selection").style.zIndex = 450;
const selectionRenderer = L.canvas({ padding: 0.3, pane: "selection" });
const outlines = new Map(); // layer id -> L.GeoJSON

function setSelection(payload) {
  const entry = state.layers.get(payload.id);
  if (!entry) return;
  entry.tiles.setSelected(payload.fids);
  const old = outlines.get(payload.id);
  if (old) { map.removeLayer(old); outlines.delete(payload.id); }
  if (payload.outline) {
    const style = Object.assign({}, HIGHLIGHT, { fill: false, renderer: selectionRenderer });
    const ov = L.geoJSON(payload.outline, { pane: "selection", interactive: false, style: () => style,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, Object.assign({ radius: 8 }, style)) });
    if (entry.style.visible) ov.addTo(map);
    outlines.set(payload.id, ov);
  }
  signalDrawn();
}

// The visible feature a click at a lat/lng picks: {id, fid} or null. The layers of state.pick
// (the current layer, points, compounds: set by Python) come first, then the top-most.
function hitTest(latlng) {
  const [x, y] = toWorld(latlng.lng, latlng.lat);
  const zoom = map.getZoom();
  const ids = state.pick.concat(state.order.slice().reverse());
  for (const id of ids) {
    const e = state.layers.get(id);
    if (!e || !e.style.visible) continue;
    const fid = e.tiles.hitTest(x, y, zoom);
    if (fid !== null) return { id, fid };
  }
  return null;
}

// ---------------------------------------------------------------- overlays
// "top" overlays (siting markers, planned sites while presenting) are drawn above the labels.
map.createPane("top").style.zIndex = 660;
const topRenderer = L.canvas({ padding: 0.3, pane: "top" });

// Named overlay layers drawn above data layers, styled per feature by properties:
// stroke, fill, fillOpacity, weight, dash, label.
function setOverlay(payload) {
  const old = state.overlays.get(payload.name);
  if (old) map.removeLayer(old);
  if (!payload.geojson) { state.overlays.delete(payload.name); refreshLabels(); signalDrawn(); return; }
  const paint = payload.top ? topRenderer : renderer;
  const ov = L.geoJSON(payload.geojson, {
    renderer: paint,
    pane: payload.top ? "top" : "overlayPane",
    interactive: !!payload.interactive,
    style: (f) => {
      const p = f.properties || {};
      return {
        color: p.stroke || "#d62728", weight: p.weight === undefined || p.weight === null ? 2 : p.weight,
        opacity: 1,
        fillColor: p.fill || p.stroke || "#d62728",
        fillOpacity: p.fillOpacity === undefined ? 0.15 : p.fillOpacity,
        dashArray: p.dash || null, renderer: paint,
      };
    },
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: (f.properties || {}).radius || 6, renderer: paint,
                                                          pane: payload.top ? "top" : "overlayPane" }),
    onEachFeature: (f, lyr) => {
      if (payload.interactive) lyr.on("click", (ev) => {
        L.DomEvent.stopPropagation(ev);
        if (bridge) bridge.overlayClicked(payload.name, JSON.stringify(f.properties || {}));
      });
    },
  });
  if (payload.visible !== false) ov.addTo(map);
  ov.ocpLabels = payload.labels || [];
  ov.ocpTop = !!payload.top;
  state.overlays.set(payload.name, ov);
  refreshLabels();
  signalDrawn();
}

// ---------------------------------------------------------------- labels
function refreshLabels() {
  state.labels.clearLayers();
  const bounds = map.getBounds().pad(0.1);
  const size = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--label-size")) || 12;
  const placed = []; // screen boxes already taken: labels never overlap
  let shown = 0;
  const place = (lng, lat, text, cls, px) => {
    const p = map.latLngToContainerPoint([lat, lng]);
    const w = text.length * px + 8, h = px + 6;
    const box = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) return;
    placed.push(box);
    L.tooltip({ permanent: true, direction: "center", className: cls, interactive: false })
      .setLatLng([lat, lng]).setContent(escapeText(text)).addTo(state.labels);
    shown += 1;
  };
  // overlay labels first (those of top overlays, siting numbers, before zone names): they win the space
  const overlays = [...state.overlays.values()];
  for (const ov of overlays.filter((o) => o.ocpTop).concat(overlays.filter((o) => !o.ocpTop))) {
    if (!map.hasLayer(ov)) continue;
    for (const [lng, lat, text] of ov.ocpLabels || []) {
      if (text && bounds.contains([lat, lng])) place(lng, lat, text, "ocp-label ocp-overlay-label", size + 2);
    }
  }
  for (const id of state.order) {
    const e = state.layers.get(id);
    if (!e || !e.style.visible || !e.style.labels) continue;
    if (map.getZoom() < (e.style.labelZoom || 15)) continue;
    for (const [lng, lat, text] of e.style.labels) {
      if (shown >= LABEL_MAX) return;
      if (!text || !bounds.contains([lat, lng])) continue;
      place(lng, lat, text, "ocp-label", size);
    }
  }
}

function escapeText(text) {
  const div = document.createElement("div");
  div.textContent = String(text);
  return div.innerHTML;
}

// ---------------------------------------------------------------- selection tools
map.on("click", (ev) => {
  if (state.mode !== "pan" || !bridge) return;
  const oe = ev.originalEvent || {};
  const additive = !!(oe.ctrlKey || oe.metaKey || oe.shiftKey);
  const hit = hitTest(ev.latlng);
  if (hit) bridge.featureClicked(hit.id, hit.fid, additive);
  else bridge.mapClicked(ev.latlng.lng, ev.latlng.lat, additive);
});

let sketch = null;
function setMode(mode) {
  state.mode = mode;
  if (mode === "pan") map.dragging.enable(); else map.dragging.disable();
  map.getContainer().style.cursor = mode === "pan" ? "" : "crosshair";
}

map.on("mousedown", (ev) => {
  if (state.mode === "pan") return;
  sketch = { start: ev.latlng, points: [ev.latlng], shape: null };
});
map.on("mousemove", (ev) => {
  reportCursor(ev.latlng);
  if (!sketch) return;
  if (state.mode === "box") {
    const b = L.latLngBounds(sketch.start, ev.latlng);
    if (sketch.shape) sketch.shape.setBounds(b);
    else sketch.shape = L.rectangle(b, { color: "#00c8ff", weight: 1.5, fillOpacity: 0.08, dashArray: "4 4", interactive: false }).addTo(map);
  } else {
    sketch.points.push(ev.latlng);
    if (sketch.shape) sketch.shape.setLatLngs(sketch.points);
    else sketch.shape = L.polygon(sketch.points, { color: "#00c8ff", weight: 1.5, fillOpacity: 0.08, dashArray: "4 4", interactive: false }).addTo(map);
  }
});
map.on("mouseup", (ev) => {
  if (!sketch) return;
  let ring;
  if (state.mode === "box") {
    const b = L.latLngBounds(sketch.start, ev.latlng);
    ring = [[b.getWest(), b.getSouth()], [b.getEast(), b.getSouth()], [b.getEast(), b.getNorth()], [b.getWest(), b.getNorth()]];
  } else {
    ring = sketch.points.map((p) => [p.lng, p.lat]);
  }
  if (sketch.shape) map.removeLayer(sketch.shape);
  sketch = null;
  const oe = ev.originalEvent || {};
  if (bridge && ring.length >= 3) bridge.regionSelected(JSON.stringify(ring), !!(oe.ctrlKey || oe.metaKey || oe.shiftKey));
});

// ---------------------------------------------------------------- view reporting
let lastCursor = 0;
function reportCursor(latlng) {
  const now = Date.now();
  if (!bridge || now - lastCursor < 40) return;
  lastCursor = now;
  bridge.mouseMoved(latlng.lng, latlng.lat);
}

function reportView() {
  if (!bridge) return;
  const size = map.getSize();
  const y = size.y / 2;
  const a = map.containerPointToLatLng([size.x / 2 - 50, y]);
  const b = map.containerPointToLatLng([size.x / 2 + 50, y]);
  const c = map.getCenter();
  bridge.viewChanged(JSON.stringify({ center: [c.lng, c.lat], zoom: map.getZoom(), mpp: map.distance(a, b) / 100 }));
}
map.on("moveend", () => { refreshLabels(); reportView(); });

let drawnPending = false;
function signalDrawn() {
  if (drawnPending) return;
  drawnPending = true;
  const report = () => {
    if (tilesPending()) { requestAnimationFrame(report); return; } // tiles made after the first frame
    drawnPending = false;
    if (timings.drawn && !timings.reported) mark("reported"); // the first report after the last layer drew
    const size = map.getSize();
    if (bridge) bridge.drawn(JSON.stringify({ layers: state.layers.size, overlays: state.overlays.size,
      loading: rastersLoading(), size: [size.x, size.y] }));
  };
  requestAnimationFrame(() => requestAnimationFrame(report));
}

// Helpers for tests and the screenshot mode (read-only).
window.ocp = {
  waiting: () => inboxWaiting,
  containerPoint: (lat, lng) => { const p = map.latLngToContainerPoint([lat, lng]); return [p.x, p.y]; },
  layerCount: () => state.layers.size,
  labelCount: () => state.labels.getLayers().length,
  overlayCount: () => state.overlays.size,
  rasterCount: () => rasters.size,
  zoom: () => map.getZoom(),
  timings: () => JSON.stringify(timings),
  // Rings of a packed overlay: [fid, coordinates, first x, first y] each (relative to its origin), in order.
  overlayRings: (name) => {
    const ov = state.overlays.get(name);
    if (!ov || !ov.feats) return null;
    return ov.feats.flatMap((f) => f.parts.map((p) => [f.fid, p.length / 2, p[0], p[1]]));
  },
  // Benchmark: packed overlays sent from now on drawn simplified at low zooms (the default) or not.
  benchSimplify: (on) => { simplifyPacked = !!on; return simplifyPacked; },
  // Benchmark: pan or zoom `steps` times, timing each until two frames have drawn.
  benchMoves: (steps, kind) => {
    window.ocpBench = null;
    const times = [];
    let i = 0;
    const step = () => {
      const t0 = performance.now();
      if (kind === "zoom") map.setZoom(map.getZoom() + (i % 2 ? -1 : 1), { animate: false });
      else map.panBy([i % 2 ? 150 : -150, i % 2 ? 80 : -80], { animate: false });
      requestAnimationFrame(() => requestAnimationFrame(() => {
        times.push(performance.now() - t0);
        i += 1;
        if (i < steps) step(); else window.ocpBench = times;
      }));
    };
    step();
    return true;
  },
};

// ---------------------------------------------------------------- fitting
let lastFit = null; // refitted when the page is resized within its hold time (a window going full screen)
function applyFit(p) {
  const v = p.bounds;
  const opts = { paddingTopLeft: [20 + (p.left || 0), 20],
                 paddingBottomRight: [20 + (p.right || 0), 20 + (p.bottom || 0)],
                 animate: false };
  if (p.maxZoom) opts.maxZoom = p.maxZoom;
  fineSnap(() => map.fitBounds([[v[1], v[0]], [v[3], v[2]]], opts)); // a 0.25 step can waste a fifth of it
}

// Run *fn* with zoom steps of 0.05: fits fill the view and a restored view keeps its exact zoom.
function fineSnap(fn) {
  const snap = map.options.zoomSnap;
  map.options.zoomSnap = 0.05;
  try { fn(); } finally { map.options.zoomSnap = snap; }
}
map.on("resize", () => { if (lastFit && Date.now() < lastFit.until) { applyFit(lastFit); signalDrawn(); } });

// ---------------------------------------------------------------- channel
new QWebChannel(qt.webChannelTransport, (channel) => {
  bridge = channel.objects.bridge;
  bridge.layerAdded.connect(inOrder(receiveLayer));
  bridge.layerRemoved.connect(inOrder((id) => removeLayer(id)));
  bridge.layerStyled.connect(inOrder((meta) => setStyle(JSON.parse(meta))));
  bridge.layerOrder.connect(inOrder((ids) => setOrder(JSON.parse(ids))));
  bridge.selectionSet.connect(inOrder((payload) => setSelection(JSON.parse(payload))));
  bridge.pickOrder.connect(inOrder((ids) => { state.pick = JSON.parse(ids); }));
  bridge.overlaySet.connect(inOrder(receiveOverlay));
  bridge.fitBounds.connect(inOrder((b) => {
    const p = JSON.parse(b);
    lastFit = Array.isArray(p) ? { bounds: p } : p;
    lastFit.until = Date.now() + 1000 * (lastFit.hold || 0);
    map.invalidateSize({ pan: false }); // the container may have just been resized (full screen)
    applyFit(lastFit);
    signalDrawn(); // also when the view did not change: the caller waits for a frame
  }));
  bridge.viewSet.connect(inOrder((v) => {
    const p = JSON.parse(v);
    fineSnap(() => map.setView([p.center[1], p.center[0]], p.zoom, { animate: false }));
    signalDrawn();
  }));
  bridge.modeSet.connect(inOrder((m) => setMode(m)));
  bridge.rastersSet.connect(inOrder((list) => setRasters(JSON.parse(list))));
  bridge.labelSize.connect(inOrder((px) => document.documentElement.style.setProperty("--label-size", px + "px")));
  bridge.ready();
  reportView();
});

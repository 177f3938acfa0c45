// Raster layers (orthophotos, tile caches): Leaflet tile layers in their own pane, under every
// vector layer. Tiles come from ocpmap://tiles/ (gui/map/raster_tiles.py). Python sends the whole
// list, bottom first: {id, url, opacity, visible, minNative, maxNative, bounds: [w, s, e, n]}.
// Loaded before map.js (the channel may call in as soon as map.js runs): `map` is used lazily.
"use strict";

const RASTER_PANE = "ocpRasters";
const rasters = new Map(); // id -> {spec, layer}

function setRasters(list) {
  if (!map.getPane(RASTER_PANE)) map.createPane(RASTER_PANE).style.zIndex = 150; // vectors: 200
  const keep = new Set(list.map((r) => r.id));
  for (const [id, entry] of rasters) {
    if (!keep.has(id)) { map.removeLayer(entry.layer); rasters.delete(id); }
  }
  list.forEach((spec, i) => {
    let entry = rasters.get(spec.id);
    if (entry && entry.spec.url !== spec.url) { map.removeLayer(entry.layer); entry = null; }
    if (!entry) {
      const b = spec.bounds;
      const layer = L.tileLayer(spec.url, {
        pane: RASTER_PANE, className: "ocp-raster", minNativeZoom: spec.minNative, maxNativeZoom: spec.maxNative,
        maxZoom: 21, bounds: [[b[1], b[0]], [b[3], b[2]]], keepBuffer: 2, updateWhenZooming: false,
      });
      layer.on("load", signalDrawn);
      entry = { spec, layer };
      rasters.set(spec.id, entry);
    }
    entry.spec = spec;
    entry.layer.setOpacity(spec.opacity);
    entry.layer.setZIndex(1 + i);
    if (spec.visible && !map.hasLayer(entry.layer)) entry.layer.addTo(map);
    if (!spec.visible && map.hasLayer(entry.layer)) map.removeLayer(entry.layer);
  });
  showCredits(list.filter((r) => r.visible && r.credit).map((r) => r.credit));
  signalDrawn();
}

// The basemap's attribution, as text (never HTML: an institute's server name is data).
let creditBox = null;
function showCredits(credits) {
  const text = [...new Set(credits)].join(" · ");
  if (!creditBox) {
    const Credit = L.Control.extend({ onAdd: () => L.DomUtil.create("div", "ocp-credit") });
    creditBox = new Credit({ position: "bottomright" }).addTo(map).getContainer();
  }
  creditBox.textContent = text;
  creditBox.style.display = text ? "" : "none";
}

// Visible raster layers still waiting for tiles (the draw report waits for them).
function rastersLoading() {
  let n = 0;
  for (const { layer } of rasters.values()) if (map.hasLayer(layer) && layer.isLoading()) n += 1;
  return n;
}

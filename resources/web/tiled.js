// Tiled canvas rendering of large vector layers.
//
// Leaflet's own vector layers re-clip every path on every pan and re-project every vertex
// on every zoom, which stalls at ~10,000 polygons. Here each data layer is an L.GridLayer:
// features arrive projected to "world" coordinates (Web Mercator pixels at zoom 0),
// indexed in a uniform grid, and each 256-px tile draws only the features that touch it.
// Panning reuses drawn tiles; zooming draws just the visible tiles. Hit testing for clicks
// uses the same index. Nothing here knows about Python or the bridge.
"use strict";

const WORLD = 256;
const MAX_LAT = 85.0511287798;

function toWorld(lng, lat) {
  const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  const x = (lng + 180) / 360 * WORLD;
  const y = (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2 * WORLD;
  return [x, y];
}

// ------------------------------------------------------------------ packed geometry
// Python sends a head (gis/packed.py: kind, origin, coords, rings) and a binary body the page
// fetches: Float32 world coordinates relative to the origin, then Int32 ring starts, then the
// Int32 feature id of every ring. The typed arrays view the body; nothing is parsed.
function unpack(head, body) {
  const coords = new Float32Array(body, 0, 2 * head.coords);
  const starts = new Int32Array(body, 8 * head.coords, head.rings);
  const owners = new Int32Array(body, 8 * head.coords + 4 * head.rings, head.rings);
  const byFid = new Map();
  const feats = [];
  for (let r = 0; r < starts.length; r++) {
    const a = starts[r], b = r + 1 < starts.length ? starts[r + 1] : head.coords;
    const fid = owners[r];
    let feat = byFid.get(fid);
    if (!feat) {
      feat = { fid, kind: head.kind, parts: [], bbox: null };
      byFid.set(fid, feat);
      feats.push(feat);
    }
    feat.parts.push(coords.subarray(2 * a, 2 * b));
  }
  for (const f of feats) {
    f.bbox = bboxOf(f.parts);
    // a feature of many rings (a city's life-circle band): a tile draws only the rings that meet it
    // (exact for the even-odd fill: a ring off the tile changes no pixel on it)
    if (f.parts.length > 16) f.boxes = f.parts.map((p) => bboxOf([p]));
  }
  return { feats, byFid };
}

function bboxOf(parts) {
  let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
  for (const p of parts) {
    for (let i = 0; i < p.length; i += 2) {
      if (p[i] < a) a = p[i];
      if (p[i] > c) c = p[i];
      if (p[i + 1] < b) b = p[i + 1];
      if (p[i + 1] > d) d = p[i + 1];
    }
  }
  return [a, b, c, d];
}

// ------------------------------------------------------------------ simplified rings
const LEVEL_PX = 0.5; // a simplified copy's tolerance, in pixels at the zoom it is drawn at
const LEVEL_SHARE = 0.6; // no copy that keeps more of the vertices than this (it would save little)

// Ring (or line) `p` (flat x, y) simplified by Douglas-Peucker to `tol`. A ring within `tol` of its
// first point comes back as that point twice, which drawFeature draws as a dot (its outline).
function simplifyRing(p, tol) {
  const n = p.length / 2;
  if (n <= 2) return p;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const t2 = tol * tol;
  const stack = [0, n - 1];
  let count = 2;
  while (stack.length) {
    const b = stack.pop(), a = stack.pop();
    const ax = p[2 * a], ay = p[2 * a + 1], dx = p[2 * b] - ax, dy = p[2 * b + 1] - ay;
    const len2 = dx * dx + dy * dy;
    let far = -1, best = t2;
    for (let i = a + 1; i < b; i++) {
      const ex = p[2 * i] - ax, ey = p[2 * i + 1] - ay;
      const t = len2 > 0 ? Math.max(0, Math.min(1, (ex * dx + ey * dy) / len2)) : 0;
      const fx = ex - t * dx, fy = ey - t * dy;
      const d2 = fx * fx + fy * fy;
      if (d2 > best) { best = d2; far = i; }
    }
    if (far >= 0) {
      keep[far] = 1;
      count += 1;
      stack.push(a, far, far, b);
    }
  }
  if (count === n) return p;
  const out = new Float32Array(2 * count);
  for (let i = 0, j = 0; i < n; i++) {
    if (keep[i]) { out[j++] = p[2 * i]; out[j++] = p[2 * i + 1]; }
  }
  return out;
}

// ------------------------------------------------------------------ grid index
class GridIndex {
  constructor(feats) {
    this.feats = feats;
    const boxes = feats.map((f) => f.bbox).filter((b) => b[0] <= b[2]); // a feature of no rings is indexed nowhere
    const ext = boxes.reduce((e, b) => [Math.min(e[0], b[0]), Math.min(e[1], b[1]),
      Math.max(e[2], b[2]), Math.max(e[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
    const area = Math.max((ext[2] - ext[0]) * (ext[3] - ext[1]), 1e-18);
    this.cell = Math.max(Math.sqrt(area / Math.max(feats.length, 1)) * 2, 1e-9);
    this.cells = new Map();
    feats.forEach((f, i) => {
      if (!(f.bbox[0] <= f.bbox[2])) return;
      const [x0, y0, x1, y1] = this.range(f.bbox);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = x * 1048576 + y;
          let list = this.cells.get(key);
          if (!list) this.cells.set(key, (list = []));
          list.push(i);
        }
      }
    });
    this.stamp = new Uint32Array(feats.length);
    this.tick = 0;
  }

  range(b) {
    const c = this.cell;
    return [Math.floor(b[0] / c), Math.floor(b[1] / c), Math.floor(b[2] / c), Math.floor(b[3] / c)];
  }

  // indices of features whose bbox meets [minx, miny, maxx, maxy], in feature order
  query(b) {
    const [x0, y0, x1, y1] = this.range(b);
    const out = [];
    this.tick += 1;
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size * 4) {
      this.feats.forEach((f, i) => { if (f.bbox[0] <= f.bbox[2] && meets(f.bbox, b)) out.push(i); });
      return out;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const list = this.cells.get(x * 1048576 + y);
        if (!list) continue;
        for (const i of list) {
          if (this.stamp[i] === this.tick) continue;
          this.stamp[i] = this.tick;
          if (meets(this.feats[i].bbox, b)) out.push(i);
        }
      }
    }
    return out.sort((p, q) => p - q);
  }
}

function meets(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

// ------------------------------------------------------------------ hit testing
function insideRings(parts, x, y) {
  let inside = false;
  for (const p of parts) {
    for (let i = 0, j = p.length - 2; i < p.length; j = i, i += 2) {
      const yi = p[i + 1], yj = p[j + 1];
      if ((yi > y) !== (yj > y) && x < (p[j] - p[i]) * (y - yi) / (yj - yi) + p[i]) inside = !inside;
    }
  }
  return inside;
}

function nearLine(parts, x, y, tol) {
  const t2 = tol * tol;
  for (const p of parts) {
    for (let i = 2; i < p.length; i += 2) {
      const ax = p[i - 2], ay = p[i - 1], bx = p[i], by = p[i + 1];
      const dx = bx - ax, dy = by - ay;
      const len = dx * dx + dy * dy;
      let t = len ? ((x - ax) * dx + (y - ay) * dy) / len : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - x, ey = ay + t * dy - y;
      if (ex * ex + ey * ey <= t2) return true;
    }
  }
  return false;
}

function hits(feat, x, y, tol, radius) {
  if (feat.kind === "polygon") return insideRings(feat.parts, x, y) || nearLine(feat.parts, x, y, tol);
  if (feat.kind === "line") return nearLine(feat.parts, x, y, tol);
  const r = radius + tol;
  for (const p of feat.parts) {
    for (let i = 0; i < p.length; i += 2) {
      const dx = p[i] - x, dy = p[i + 1] - y;
      if (dx * dx + dy * dy <= r * r) return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ drawing in the next frame
// Tiles are drawn in the next animation frame, all at once: a tile made and dropped in the same
// turn (a layer added at the current view, then the view fitted to it) is never drawn.
let pendingTiles = [];

function drawPendingTiles() {
  const jobs = pendingTiles;
  pendingTiles = [];
  for (const { layer, tile, coords, done } of jobs) {
    if (!tile.isConnected || !layer._map) continue; // dropped (pruned, or its layer removed)
    layer.drawTile(tile, coords);
    done(null, tile);
  }
}

function tilesPending() {
  return pendingTiles.length > 0;
}

// ------------------------------------------------------------------ the layer
const TiledLayer = L.GridLayer.extend({
  options: { tileSize: 256, updateWhenZooming: false, keepBuffer: 4 },

  initialize(head, body, style, options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this.style = style;
    this.selected = new Set();
    this.origin = head.origin; // feature coordinates are relative to it
    const { feats, byFid } = unpack(head, body);
    this.feats = feats;
    this.byFid = byFid;
    this.index = new GridIndex(this.feats);
  },

  createTile(coords, done) {
    const tile = document.createElement("canvas");
    const size = this.getTileSize();
    const dpr = window.devicePixelRatio || 1;
    tile.width = size.x * dpr;
    tile.height = size.y * dpr;
    tile.style.width = size.x + "px";
    tile.style.height = size.y + "px";
    if (!pendingTiles.length) requestAnimationFrame(drawPendingTiles);
    pendingTiles.push({ layer: this, tile, coords, done });
    return tile;
  },

  // margin in screen px that strokes and point symbols reach beyond a feature's bbox
  margin() {
    return Math.max(this.style.radius || 0, this.style.weight || 0, 3.5) + 2;
  },

  // the tile's area in the layer's relative coordinates, padded by the symbol margin
  tileBounds(coords) {
    const s = Math.pow(2, coords.z);
    const pad = this.margin() / s;
    const [x0, y0] = this.origin;
    return [coords.x * WORLD / s - pad - x0, coords.y * WORLD / s - pad - y0,
      (coords.x + 1) * WORLD / s + pad - x0, (coords.y + 1) * WORLD / s + pad - y0];
  },

  // Draw the tile, or only its part inside `clip` ([x0, y0, x1, y1] relative to the origin: a patch's box).
  drawTile(tile, coords, clip) {
    const ctx = tile.getContext("2d");
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const s = Math.pow(2, coords.z);
    // screen = (relative + origin) * s - tile corner
    const ox = coords.x * WORLD - this.origin[0] * s, oy = coords.y * WORLD - this.origin[1] * s;
    let tb = this.tileBounds(coords);
    if (clip) { // whole pixels of the tile inside the box; what reaches into them is drawn, clipped
      const x0 = Math.max(0, Math.floor(clip[0] * s - ox)), y0 = Math.max(0, Math.floor(clip[1] * s - oy));
      const x1 = Math.min(WORLD, Math.ceil(clip[2] * s - ox)), y1 = Math.min(WORLD, Math.ceil(clip[3] * s - oy));
      if (x1 <= x0 || y1 <= y0) return;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, y0, x1 - x0, y1 - y0);
      ctx.clip();
      ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
      const pad = this.margin();
      tb = [(x0 - pad + ox) / s, (y0 - pad + oy) / s, (x1 + pad + ox) / s, (y1 + pad + oy) / s];
    } else {
      ctx.clearRect(0, 0, WORLD, WORLD);
    }
    const level = this.levelAt(coords.z);
    const found = level.index.query(tb);
    const later = [];
    for (const i of found) {
      const feat = level.feats[i];
      if (this.selected.has(feat.fid)) later.push(feat);
      else this.drawFeature(ctx, feat, s, ox, oy, false, tb);
    }
    for (const feat of later) this.drawFeature(ctx, feat, s, ox, oy, true, tb);
    if (clip) ctx.restore();
  },

  // What a tile at zoom z draws. A layer marked `simplified` (a city's life-circle bands: 353,000
  // vertices and 21,000 rings for one type, 1.3 s to draw fitted) draws at each zoom a copy with
  // every ring simplified to half a pixel there (91,000 vertices at the fitted zoom 12: 0.45 s),
  // made when the zoom is first drawn (20-40 ms), until a zoom at which the copy would keep over
  // LEVEL_SHARE of the vertices; from that zoom on it draws the rings as they are.
  levelAt(z) {
    if (!this.simplified || z >= (this.fullFrom ?? Infinity)) return this;
    this.levels = this.levels || new Map();
    let level = this.levels.get(z);
    if (level) return level;
    const tol = LEVEL_PX / Math.pow(2, z); // world units
    let kept = 0, all = 0;
    const feats = this.feats.map((f) => {
      const parts = f.parts.map((p) => simplifyRing(p, tol));
      for (let k = 0; k < parts.length; k++) { kept += parts[k].length; all += f.parts[k].length; }
      return { fid: f.fid, kind: f.kind, parts, bbox: f.bbox, boxes: f.boxes }; // boxes: no smaller now, still true
    });
    if (kept > LEVEL_SHARE * all) {
      this.fullFrom = z; // finer zooms keep more still
      return this;
    }
    level = { feats, index: this.index }; // the same boxes, so the same index
    this.levels.set(z, level);
    return level;
  },

  drawFeature(ctx, feat, s, ox, oy, selected, tb) {
    const st = this.style.features ? this.style.features[feat.fid] : this.style; // per-feature styles (overlays)
    const fill = st.colors && st.colors[feat.fid] ? st.colors[feat.fid] : st.fill;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    if (feat.kind === "point") {
      ctx.beginPath();
      for (const p of feat.parts) {
        for (let i = 0; i < p.length; i += 2) {
          const x = p[i] * s - ox, y = p[i + 1] * s - oy;
          ctx.moveTo(x + st.radius, y);
          ctx.arc(x, y, st.radius, 0, 2 * Math.PI);
        }
      }
      ctx.globalAlpha = Math.max(st.fillOpacity, 0.85);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = selected ? HIGHLIGHT.color : "#ffffff";
      ctx.lineWidth = selected ? HIGHLIGHT.weight : 1.2;
      ctx.stroke();
      return;
    }
    ctx.beginPath();
    const dots = []; // rings a simplified copy keeps as one point (simplifyRing): their outline is a dot
    for (let k = 0; k < feat.parts.length; k++) {
      if (feat.boxes && tb && !meets(feat.boxes[k], tb)) continue;
      const p = feat.parts[k];
      if (p.length === 4 && p[0] === p[2] && p[1] === p[3]) {
        dots.push(p[0] * s - ox, p[1] * s - oy);
        continue;
      }
      let px = NaN, py = NaN;
      for (let i = 0; i < p.length; i += 2) {
        const x = p[i] * s - ox, y = p[i + 1] * s - oy;
        if (i === 0) ctx.moveTo(x, y);
        else if (Math.abs(x - px) + Math.abs(y - py) > 0.4 || i === p.length - 2) ctx.lineTo(x, y);
        else continue;
        px = x; py = y;
      }
      if (feat.kind === "polygon") ctx.closePath();
    }
    if (feat.kind === "polygon") {
      if (fill && st.fillOpacity > 0) {
        ctx.globalAlpha = st.fillOpacity;
        ctx.fillStyle = fill;
        ctx.fill("evenodd");
      }
      ctx.globalAlpha = 0.9;
    } else {
      ctx.globalAlpha = 0.9;
    }
    if (selected) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = HIGHLIGHT.color;
      ctx.lineWidth = Math.max(HIGHLIGHT.weight, (st.weight || 1) + 2);
      ctx.stroke();
    } else if ((st.weight || 0) > 0) {
      ctx.strokeStyle = feat.kind === "line" && st.colors && st.colors[feat.fid] ? st.colors[feat.fid] : st.stroke;
      ctx.lineWidth = st.weight;
      if (st.dash) ctx.setLineDash(String(st.dash).split(/[ ,]+/).map(Number));
      ctx.stroke();
      if (st.dash) ctx.setLineDash([]);
      const side = 0.886 * st.weight; // the area of the round dot a stroke draws there
      ctx.fillStyle = ctx.strokeStyle;
      for (let i = 0; i < dots.length; i += 2) ctx.fillRect(dots[i] - side / 2, dots[i + 1] - side / 2, side, side);
    }
    ctx.globalAlpha = 1;
  },

  // redraw in place the tiles that show any of `fids`, or every tile when `fids` is null
  redrawFeatures(fids) {
    const boxes = [];
    for (const fid of fids || []) {
      const f = this.byFid.get(fid);
      if (f) boxes.push(f.bbox);
    }
    if ((fids && !boxes.length) || !this._map) return;
    for (const key in this._tiles) {
      const t = this._tiles[key];
      const tb = this.tileBounds(t.coords);
      if (!fids || boxes.some((b) => meets(b, tb))) this.drawTile(t.el, t.coords);
    }
  },

  // Not GridLayer.redraw(): Leaflet 1.9.4 remakes the tiles at the unrounded map zoom and keeps
  // the wrap grid of the rounded one, so at a fractional zoom (fits snap to 0.05) every new tile
  // was drawn a world away and the layer went blank.
  setFeatureStyle(style) {
    this.style = style;
    this.redrawFeatures(null);
  },

  setSelected(fids) {
    const next = new Set(fids);
    const changed = [...this.selected].filter((f) => !next.has(f))
      .concat([...next].filter((f) => !this.selected.has(f)));
    this.selected = next;
    this.redrawFeatures(changed);
  },

  // Rings changed in boxes (gis/packed_rings.py RingPatch): `remove` [[fid, [ring index in the feature,
  // ...]], ...] dropped, the rings of the packed `head`/`body` (same origin as the layer) appended to
  // their features, and the tiles over `boxes` (world [x0, y0, x1, y1]) redrawn; every other ring and
  // tile stays. The simplified copies of drawn zooms are patched alike.
  applyPatch(head, body, remove, boxes) {
    const { feats: added } = unpack(head, body);
    const drop = new Map(remove.map(([fid, rings]) => [fid, new Set(rings)]));
    const more = new Map(added.map((f) => [f.fid, f.parts]));
    let fresh = false;
    for (const fid of new Set([...drop.keys(), ...more.keys()])) {
      let feat = this.byFid.get(fid);
      if (!feat) {
        feat = { fid, kind: head.kind, parts: [], bbox: null };
        this.byFid.set(fid, feat);
        this.feats.push(feat);
        fresh = true;
      }
      const gone = drop.get(fid) || new Set(), extra = more.get(fid) || [];
      const keep = (_, k) => !gone.has(k);
      const own = feat.boxes || feat.parts.map((p) => bboxOf([p]));
      feat.parts = feat.parts.filter(keep).concat(extra);
      const partBoxes = own.filter(keep).concat(extra.map((p) => bboxOf([p])));
      feat.boxes = feat.parts.length > 16 ? partBoxes : undefined;
      feat.bbox = partBoxes.reduce((e, b) => [Math.min(e[0], b[0]), Math.min(e[1], b[1]),
        Math.max(e[2], b[2]), Math.max(e[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
      for (const [z, level] of this.levels || []) {
        const copy = level.feats.find((f) => f.fid === fid);
        if (!copy) { fresh = true; continue; }
        const tol = LEVEL_PX / Math.pow(2, z);
        copy.parts = copy.parts.filter(keep).concat(extra.map((p) => simplifyRing(p, tol)));
        copy.bbox = feat.bbox;
        copy.boxes = feat.boxes;
      }
    }
    if (fresh) {
      this.feats.sort((a, b) => a.fid - b.fid); // features draw in fid order
      this.levels = new Map();
    }
    this.index = new GridIndex(this.feats);
    for (const level of (this.levels || new Map()).values()) level.index = this.index;
    if (!this._map) return;
    const [ox, oy] = this.origin;
    const local = boxes.map(([x0, y0, x1, y1]) => [x0 - ox, y0 - oy, x1 - ox, y1 - oy]);
    for (const key in this._tiles) {
      const t = this._tiles[key];
      const tb = this.tileBounds(t.coords);
      for (const b of local) if (meets(b, tb)) this.drawTile(t.el, t.coords, b);
    }
  },

  // the top-most feature under world point (x, y), or null
  hitTest(wx, wy, zoom) {
    const x = wx - this.origin[0], y = wy - this.origin[1];
    const s = Math.pow(2, zoom);
    const tol = 4 / s, radius = (this.style.radius || 0) / s;
    const r = tol + radius;
    const found = this.index.query([x - r, y - r, x + r, y + r]);
    for (let k = found.length - 1; k >= 0; k--) {
      const feat = this.feats[found[k]];
      if (hits(feat, x, y, tol, radius)) return feat.fid;
    }
    return null;
  },
});

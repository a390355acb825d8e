// dyad web page: plain JavaScript over the JSON API of `dyad serve`; no build step, no
// outside requests. Sections: filters, event table, event detail with highlighted evidence,
// timeline, map, actor network, and a box to code pasted text.
'use strict';

const EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const MODALITIES = ['asserted', 'negated', 'intended', 'requested', 'conditional', 'hypothetical', 'reported_claim'];
const COLORS = ['#4e79a7', '#59a14f', '#9c755f', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#f28e2b',
  '#e15759', '#bab0ac', '#d37295', '#fabfd2', '#8cd17d', '#499894', '#86bcb6', '#c0392b'];
const SVG = 'http://www.w3.org/2000/svg';
const PAGE = 50;

const state = { filter: {}, offset: 0, total: 0, selected: null, world: null };

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function query(extra) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filter, ...extra })) if (v !== '' && v !== undefined && v !== null) p.set(k, v);
  return p.toString();
}

async function api(path, options) {
  const r = await fetch(path, options);
  let body;
  try { body = await r.json(); } catch (_) { body = { error: r.status + ' ' + r.statusText }; }
  if (!r.ok) throw new Error(body.error || String(r.status));
  return body;
}

const party = (list) => list.length ? list.map((e) => e.code + (e.sector ? ' ' + e.sector : '')).join(', ') : '–';
const place = (ev) => ev.event_loc ? (ev.event_loc.resolved_place || ev.event_loc.extracted_place) : '';

// ---- the sentence with its evidence highlighted ----
// Offsets are characters (code points) into the article; the sentence starts at text_info.start.
function highlighted(ev) {
  const chars = Array.from(ev.text);
  const base = ev.text_info.start;
  const spans = [];
  const add = (start, end, cls, label) => {
    if (start === null || start === undefined || end === null || end === undefined) return;
    const s = Math.max(0, start - base), e = Math.min(chars.length, end - base);
    if (e > s) spans.push({ s, e, cls, label });
  };
  for (const a of ev.actor) add(a.start, a.end, 'hl-actor', 'actor ' + a.code);
  for (const r of ev.recipient) add(r.start, r.end, 'hl-recipient', 'recipient ' + r.code);
  for (const item of ev.evidence || []) {
    const cls = { event: 'hl-event', date: 'hl-date', event_loc: 'hl-place' }[item.field];
    if (cls) add(item.start, item.end, cls, item.field + ': ' + item.rule);
  }
  spans.sort((a, b) => a.s - b.s || (b.e - b.s) - (a.e - a.s));
  const out = el('div', { class: 'sentence' });
  let at = 0;
  for (const sp of spans) {
    if (sp.s < at) continue; // overlaps an earlier highlight
    out.append(chars.slice(at, sp.s).join(''));
    out.append(el('mark', { class: sp.cls, title: sp.label }, chars.slice(sp.s, sp.e).join('')));
    at = sp.e;
  }
  out.append(chars.slice(at).join(''));
  return out;
}

function fields(ev) {
  const dl = el('dl', { class: 'fields' });
  const row = (k, v) => { if (v) dl.append(el('dt', {}, k), el('dd', {}, v)); };
  row('date', (ev.date || 'unknown') + (ev.date_text ? ' (“' + ev.date_text + '”)' : ''));
  row('actor', ev.actor.map((a) => a.code + (a.sector ? ' ' + a.sector : '') + ' “' + a.entity_text + '”').join('; ') || '–');
  row('event', ev.event.join(', ') + (ev.mode.length ? ' / ' + ev.mode.join(', ') : '') + ' — CAMEO ' + ev.cameo);
  row('recipient', ev.recipient.map((a) => a.code + (a.sector ? ' ' + a.sector : '') + ' “' + a.entity_text + '”').join('; ') || '–');
  if (ev.event_loc) {
    const l = ev.event_loc;
    row('place', (l.resolved_place || l.extracted_place) + (l.country_code ? ' (' + l.country_code + ')' : '') + (l.lat !== null ? ' ' + l.lat + ', ' + l.lon : ''));
  }
  row('modality', ev.modality + (ev.attribution ? ' — claimed by ' + ev.attribution.entity_text : ''));
  row('context', ev.context.join(', '));
  row('rule', ev.rule);
  return dl;
}

function evidenceList(ev) {
  const ul = el('ul', { class: 'evidence' });
  for (const e of ev.evidence || []) {
    ul.append(el('li', {}, el('b', {}, e.field), ' ', e.text ? '“' + e.text + '” ' : '', '← ' + e.rule));
  }
  return ul;
}

async function showEvent(id) {
  state.selected = id;
  for (const tr of document.querySelectorAll('#events tbody tr')) tr.classList.toggle('selected', tr.dataset.id === id);
  const box = $('#detail');
  try {
    const d = await api('/api/events/' + encodeURIComponent(id));
    const doc = d.document;
    box.replaceChildren(
      el('p', { class: 'muted' }, (doc.title ? doc.title + ' — ' : '') + doc.doc_id + (doc.report_date ? ' (' + doc.report_date + ')' : '') + ', sentence ' + d.event.text_info.sequence),
      highlighted(d.event), fields(d.event), el('details', {}, el('summary', {}, 'evidence'), evidenceList(d.event)));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

// ---- table ----
async function loadTable() {
  const data = await api('/api/events?' + query({ limit: PAGE, offset: state.offset }));
  state.total = data.total;
  const body = $('#events tbody');
  body.replaceChildren(...data.events.map((ev) => {
    const tr = el('tr', { 'data-id': ev.id, onclick: () => showEvent(ev.id) },
      el('td', { class: 'date' }, ev.date || '?'), el('td', {}, party(ev.actor)), el('td', {}, ev.event.join(',')),
      el('td', {}, ev.cameo), el('td', {}, party(ev.recipient)), el('td', {}, place(ev)),
      el('td', {}, ev.modality), el('td', {}, ev.event_text.join('; ')));
    if (ev.id === state.selected) tr.classList.add('selected');
    return tr;
  }));
  $('#count').textContent = data.total + ' events';
  const last = Math.min(state.offset + data.events.length, data.total);
  $('#page').textContent = data.total ? (state.offset + 1) + '–' + last + ' of ' + data.total : 'no events match';
  $('#prev').disabled = state.offset === 0;
  $('#next').disabled = last >= data.total;
}

// ---- timeline: stacked bars of events per day by type ----
async function loadTimeline() {
  const data = await api('/api/timeline?' + query({ bucket: 'day' }));
  const periods = [...new Set(data.counts.map((c) => c.period))].sort((a, b) => (a === 'unknown') - (b === 'unknown') || a.localeCompare(b));
  const types = [...new Set(data.counts.map((c) => c.event))].sort();
  const W = 640, H = 180, left = 28, bottom = 34, top = 6;
  const totals = periods.map((p) => data.counts.filter((c) => c.period === p).reduce((s, c) => s + c.count, 0));
  const max = Math.max(1, ...totals);
  const bw = periods.length ? (W - left) / periods.length : 0;
  const g = svg('svg', { viewBox: `0 0 ${W} ${H + 20}`, role: 'img', 'aria-label': 'events per day by type' });
  g.append(svg('text', { x: 0, y: top + 8, class: 'legend' }, String(max)));
  periods.forEach((p, i) => {
    let y = H - bottom;
    for (const t of types) {
      const c = data.counts.find((x) => x.period === p && x.event === t);
      if (!c) continue;
      const h = (c.count / max) * (H - bottom - top);
      y -= h;
      g.append(svg('rect', { x: left + i * bw + 1, y, width: Math.max(1, bw - 2), height: h, fill: COLORS[EVENT_TYPES.indexOf(t) % COLORS.length] },
        svg('title', {}, `${p}: ${c.count} ${t}`)));
    }
    const every = Math.ceil(periods.length / 8);
    if (i % every === 0) g.append(svg('text', { x: left + i * bw, y: H - bottom + 12, class: 'legend' }, p));
  });
  types.forEach((t, i) => {
    const x = left + (i % 8) * 78, y = H + 2 + Math.floor(i / 8) * 12;
    g.append(svg('rect', { x, y: y - 8, width: 8, height: 8, fill: COLORS[EVENT_TYPES.indexOf(t) % COLORS.length] }));
    g.append(svg('text', { x: x + 11, y, class: 'legend' }, t));
  });
  $('#timeline').replaceChildren(periods.length ? g : el('p', { class: 'muted' }, 'no dated events'));
}

// ---- map: equirectangular world outline, a dot per place ----
const MW = 720, MH = 330; // latitudes 83 N to 82 S
const px = (lon) => ((lon + 180) / 360) * MW;
const py = (lat) => ((83 - lat) / 165) * MH;

// A ring as path data; a jump across the date line starts a new piece instead of a line across the map.
function ringPath(ring) {
  let d = '';
  let prev = null;
  for (const [lon, lat] of ring) {
    d += (prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L') + px(lon).toFixed(1) + ',' + py(lat).toFixed(1);
    prev = lon;
  }
  return d + 'Z';
}

async function loadMap() {
  if (!state.world) {
    const topo = await (await fetch('/static/countries-110m.json')).json();
    const fc = topojson.feature(topo, topo.objects.countries);
    state.world = fc.features.filter((f) => f.properties.name !== 'Antarctica').map((f) => {
      const polys = f.geometry ? (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
      return { name: f.properties.name, d: polys.map((p) => p.map(ringPath).join('')).join('') };
    });
  }
  const data = await api('/api/events?' + query({ limit: 1000 }));
  const spots = new Map();
  for (const ev of data.events) {
    const l = ev.event_loc;
    if (!l || l.lat === null || l.lon === null) continue;
    const key = l.lat + ',' + l.lon;
    const s = spots.get(key) || { lat: l.lat, lon: l.lon, name: l.resolved_place || l.extracted_place, n: 0 };
    s.n += 1;
    spots.set(key, s);
  }
  const g = svg('svg', { viewBox: `0 0 ${MW} ${MH}`, role: 'img', 'aria-label': 'map of events' });
  for (const c of state.world) g.append(svg('path', { d: c.d, class: 'country' }, svg('title', {}, c.name)));
  for (const s of spots.values()) {
    g.append(svg('circle', { cx: px(s.lon), cy: py(s.lat), r: 2.5 + 2 * Math.sqrt(s.n), class: 'dot' }, svg('title', {}, `${s.name}: ${s.n} events`)));
  }
  const note = data.total > data.events.length ? el('p', { class: 'muted' }, `places of the first ${data.events.length} of ${data.total} events`) : null;
  $('#map').replaceChildren(g, ...(note ? [note] : []));
}

// ---- network: actors on a circle, edges weighted by events between them ----
async function loadNetwork() {
  const data = await api('/api/dyads?' + query({ bucket: 'year' }));
  const pairs = new Map();
  const weight = new Map();
  for (const d of data.dyads) {
    if (!d.recipient || d.recipient === d.actor) continue; // no self-loops on the circle
    const key = [d.actor, d.recipient].sort().join('|');
    pairs.set(key, (pairs.get(key) || 0) + d.count);
    for (const a of [d.actor, d.recipient]) weight.set(a, (weight.get(a) || 0) + d.count);
  }
  const nodes = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([code]) => code);
  const W = 420, H = 320, R = 120, cx = W / 2, cy = H / 2;
  const pos = new Map(nodes.map((n, i) => [n, [cx + R * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2), cy + R * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2)]]));
  const max = Math.max(1, ...pairs.values());
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'actor network' });
  for (const [key, n] of pairs) {
    const [a, b] = key.split('|');
    if (!pos.has(a) || !pos.has(b)) continue;
    g.append(svg('line', { x1: pos.get(a)[0], y1: pos.get(a)[1], x2: pos.get(b)[0], y2: pos.get(b)[1], class: 'edge', 'stroke-width': 1 + 7 * (n / max) },
      svg('title', {}, `${a} – ${b}: ${n} events`)));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    const r = 3 + 3 * Math.sqrt(weight.get(n) / Math.max(...weight.values()));
    const dx = x >= cx ? 8 : -8;
    g.append(svg('g', { class: 'node' }, svg('circle', { cx: x, cy: y, r }),
      svg('text', { x: x + dx, y: y + 3, 'text-anchor': x >= cx ? 'start' : 'end' }, n), svg('title', {}, `${n}: ${weight.get(n)} events`)));
  }
  $('#network').replaceChildren(nodes.length ? g : el('p', { class: 'muted' }, 'no events between two parties'));
}

async function refresh() {
  $('#filter-error').textContent = '';
  try {
    await loadTable();
  } catch (e) {
    $('#filter-error').textContent = e.message;
    return;
  }
  await Promise.all([loadTimeline(), loadMap(), loadNetwork()]).catch((e) => { $('#filter-error').textContent = e.message; });
}

// ---- paste box ----
async function codePasted(ev) {
  ev.preventDefault();
  const form = new FormData($('#paste'));
  $('#paste-error').textContent = '';
  const out = $('#coded');
  out.replaceChildren(el('p', { class: 'muted' }, 'coding…'));
  try {
    const body = { text: form.get('text') };
    if (form.get('date')) body.date = form.get('date');
    const r = await api('/api/code', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const items = r.events.map((e) => el('div', { class: 'coded-event' },
      el('div', {}, el('b', {}, `${party(e.actor)} → ${e.event.join(',')} ${e.cameo} → ${party(e.recipient)}`), ` ${e.date || ''} ${place(e) ? '@' + place(e) : ''} (${e.modality})`),
      highlighted(e)));
    out.replaceChildren(el('p', { class: 'muted' }, `${r.events.length} events in ${r.sentences} sentences` + (r.diagnostics.length ? `; ${r.diagnostics.length} diagnostics` : '')), ...items);
  } catch (e) {
    out.replaceChildren();
    $('#paste-error').textContent = e.message;
  }
}

function init() {
  for (const t of EVENT_TYPES) $('#f-event').append(el('option', { value: t }, t));
  for (const m of MODALITIES) $('#f-modality').append(el('option', { value: m }, m));
  $('#filters').addEventListener('submit', (e) => {
    e.preventDefault();
    state.filter = Object.fromEntries(new FormData($('#filters')).entries());
    state.offset = 0;
    refresh();
  });
  $('#clear').addEventListener('click', () => { $('#filters').reset(); state.filter = {}; state.offset = 0; refresh(); });
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch((e) => { $('#filter-error').textContent = e.message; }); });
  $('#next').addEventListener('click', () => { state.offset += PAGE; loadTable().catch((e) => { $('#filter-error').textContent = e.message; }); });
  $('#paste').addEventListener('submit', codePasted);
  api('/api/stats').then((s) => {
    $('#stats').textContent = `${s.documents} articles, ${s.events} events — ${s.coder}${s.read_only ? ', read-only' : ''}`;
  }).catch((e) => { $('#stats').textContent = e.message; });
  refresh();
}

init();

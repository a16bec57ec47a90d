/* plangraph network page: filters, legend, tooltips and details over vis-network.
 * All text from the graph is shown with textContent, never parsed as HTML. No network access. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var ui = data.ui;
  var roles = {};
  var kinds = {};
  data.roles.forEach(function (r) { roles[r.code] = r; });
  data.kinds.forEach(function (k) { kinds[k.code] = k; });
  var numberFormat = new Intl.NumberFormat(data.lang === "en" ? "en-GB" : "vi-VN");

  data.edges.forEach(function (e) {
    var r = roles[e.role];
    e.color = { color: r.color, highlight: "#111111", hover: "#111111", inherit: false };
    if (r.dashes.length) { e.dashes = r.dashes; }
    if (data.directed) { e.arrows = { to: { enabled: true, scaleFactor: 0.6 } }; }
  });

  var hiddenKinds = {};
  var hiddenRoles = {};
  var plan = "";
  function planOk(item) { return !plan || !item.plans || item.plans.indexOf(plan) >= 0; }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !hiddenKinds[n.group] && planOk(n); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return !hiddenRoles[e.role] && planOk(e); } });
  var container = document.getElementById("net");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);

  var state = window.plangraph = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    ready: false, readyAt: null, mode: data.mode
  };

  /* ---- status line ---- */
  function visibleEdgeCount() {
    var shown = {};
    nodesView.getIds().forEach(function (id) { shown[id] = true; });
    var count = 0;
    edgesView.forEach(function (e) { if (shown[e.from] && shown[e.to]) { count += 1; } });
    return count;
  }
  function updateStatus() {
    document.getElementById("status").textContent = ui.shown
      .replace("{nodes}", numberFormat.format(nodesView.length))
      .replace("{total}", numberFormat.format(nodes.length))
      .replace("{edges}", numberFormat.format(visibleEdgeCount()));
    state.visibleNodes = nodesView.length;
  }
  function refresh() { nodesView.refresh(); edgesView.refresh(); updateStatus(); }

  /* ---- filters ---- */
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () { hiddenKinds[box.dataset.kind] = !box.checked; refresh(); });
  });
  document.querySelectorAll("input[data-role]").forEach(function (box) {
    box.addEventListener("change", function () { hiddenRoles[box.dataset.role] = !box.checked; refresh(); });
  });
  document.querySelectorAll("button[data-bulk]").forEach(function (button) {
    button.addEventListener("click", function () {
      var show = button.dataset.show === "1";
      document.querySelectorAll("input[data-kind]").forEach(function (box) {
        box.checked = show;
        hiddenKinds[box.dataset.kind] = !show;
      });
      refresh();
    });
  });
  var planSelect = document.getElementById("plan");
  if (planSelect) {
    planSelect.addEventListener("change", function () { plan = planSelect.value; refresh(); });
  }

  /* ---- tooltips and details, built with textContent only ---- */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function safeHref(href) {
    if (typeof href !== "string" || /[\u0000-\u001f\u007f]/.test(href)) { return null; }
    var scheme = /^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(href);
    if (scheme && !/^https?$/i.test(scheme[1])) { return null; }
    return href;
  }
  function link(href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }
  function nodeName(id) {
    var n = nodes.get(id);
    return n ? ((n.tip && n.tip.h) || n.label.replace(/\n/g, " ")) : String(id);
  }
  function clip(text, max) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }
  function card(item, isEdge, full) {
    var tip = item.tip || {};
    var box = el("div", "card");
    var heading = tip.h || (isEdge ? nodeName(item.from) + " — " + nodeName(item.to) : item.label.replace(/\n/g, " "));
    box.appendChild(el("h3", null, heading));
    var kindText = isEdge ? roles[item.role].label : kinds[item.group].label;
    if (item.agg) { kindText = ui.aggregate + " · " + kindText; }
    box.appendChild(el("p", "kind", kindText));
    if (tip.text) { box.appendChild(el("p", "text", full ? tip.text : clip(tip.text, 300))); }
    var rows = [];
    if (isEdge && item.w !== undefined && item.role === "shared") { rows.push([ui.weight, numberFormat.format(item.w)]); }
    (tip.d || []).forEach(function (pair) { rows.push(pair); });
    if (rows.length) {
      var dl = el("dl");
      rows.forEach(function (pair) { dl.appendChild(el("dt", null, pair[0])); dl.appendChild(el("dd", null, pair[1])); });
      box.appendChild(dl);
    }
    var evidence = tip.ev || [];
    if (evidence.length) {
      box.appendChild(el("h4", null, ui.evidence));
      var list = el("ul");
      evidence.slice(0, full ? evidence.length : 2).forEach(function (ev) {
        var li = el("li");
        var where = [];
        if (ev.doc) { where.push(ev.doc); }
        if (ev.from !== undefined) {
          where.push(ev.to !== undefined && ev.to !== ev.from
            ? ui.lines.replace("{start}", ev.from).replace("{end}", ev.to)
            : ui.line.replace("{start}", ev.from));
        }
        var href = full && safeHref(ev.href);
        li.appendChild(href ? link(href, where.join(", ")) : el("span", null, where.join(", ")));
        if (ev.quote) { li.appendChild(el("blockquote", null, full ? ev.quote : clip(ev.quote, 200))); }
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    var page = full && safeHref(tip.href);
    if (page) { var p = el("p"); p.appendChild(link(page, ui.open)); box.appendChild(p); }
    return box;
  }

  var tipBox = document.getElementById("tip");
  function showTip(item, isEdge, event) {
    tipBox.replaceChildren(card(item, isEdge, false));
    var x = (event && event.clientX) || 0;
    var y = (event && event.clientY) || 0;
    tipBox.hidden = false;
    var w = tipBox.offsetWidth;
    var h = tipBox.offsetHeight;
    tipBox.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + "px";
    tipBox.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 4)) + "px";
  }
  function hideTip() { tipBox.hidden = true; }
  function pointerEvent(params) { return params.event && (params.event.srcEvent || params.event); }
  network.on("hoverNode", function (p) { showTip(nodes.get(p.node), false, pointerEvent(p)); });
  network.on("hoverEdge", function (p) { showTip(edges.get(p.edge), true, pointerEvent(p)); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  var details = document.getElementById("details-body");
  var hint = details.firstElementChild;
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) { details.replaceChildren(card(nodes.get(p.nodes[0]), false, true)); }
    else if (p.edges.length) { details.replaceChildren(card(edges.get(p.edges[0]), true, true)); }
    else { details.replaceChildren(hint); }
  });
  network.on("doubleClick", function (p) {
    var n = p.nodes.length && nodes.get(p.nodes[0]);
    var href = n && n.tip && safeHref(n.tip.href);
    if (href) { window.location.href = href; }
  });

  /* ---- ready: first frame drawn (after stabilisation when physics is on) ---- */
  var loading = document.getElementById("loading");
  network.on("stabilizationProgress", function (p) {
    loading.textContent = ui.loading + " " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  function fitWithMargin() {
    network.fit();
    network.moveTo({ scale: network.getScale() * 0.9 });
  }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    fitWithMargin();
  });
  network.once("afterDrawing", function () {
    if (data.mode !== "physics") { fitWithMargin(); }
    state.ready = true;
    state.readyAt = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
  });
  updateStatus();
})();

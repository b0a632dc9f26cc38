// regiokg page controls: legend/type filter, district and year filters, minimum degree, search, details panel.
// Uses the globals pyvis defines: `nodes`, `edges` (vis.DataSet) and `network` (vis.Network).
(function () {
  "use strict";
  var META = JSON.parse(document.getElementById("kg-meta").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var allN = nodes.get(), allE = edges.get();
  var nodeById = {}, edgeById = {}, incident = {}, hiddenN = {}, hiddenE = {};
  allN.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  allE.forEach(function (e) {
    edgeById[e.id] = e;
    incident[e.from].push(e.id);
    if (e.to !== e.from) { incident[e.to].push(e.id); }
  });
  var names = [];
  allN.forEach(function (n) { n.kgNames.forEach(function (s) { names.push([s.toLowerCase(), n.id, s]); }); });
  var pinned = null;
  var kg = { ready: false, readyAt: null, visibleNodes: allN.length, visibleEdges: allE.length };
  window.kg = kg;

  function intOr(value, fallback) { var v = parseInt(value, 10); return isNaN(v) ? fallback : v; }

  function apply() {
    var types = {};
    document.querySelectorAll(".kg-type input").forEach(function (cb) { types[cb.dataset.type] = cb.checked; });
    var district = $("kg-district").value;
    var y0 = intOr($("kg-year-from").value, -Infinity), y1 = intOr($("kg-year-to").value, Infinity);
    var yearOn = META.yearMin !== null && (y0 > META.yearMin || y1 < META.yearMax);
    var minDeg = Math.max(0, intOr($("kg-min-degree").value, 0));
    var area = null;
    if (district) {
      area = {};
      allN.forEach(function (n) { if (n.kgDistricts.indexOf(district) >= 0) { area[n.id] = true; } });
      Object.keys(area).forEach(function (id) {
        incident[id].forEach(function (eid) { area[edgeById[eid].from] = true; area[edgeById[eid].to] = true; });
      });
    }
    var yearOk = {};
    allE.forEach(function (e) {
      yearOk[e.id] = !yearOn || e.kgYears.length === 0 ||
        e.kgYears.some(function (y) { return y >= y0 && y <= y1; });
    });
    var show = {};
    allN.forEach(function (n) {
      var ok = types[n.kgType] !== false && (!area || area[n.id] === true);
      if (ok && yearOn && incident[n.id].length) {
        ok = incident[n.id].some(function (eid) { return yearOk[eid]; });
      }
      show[n.id] = ok;
    });
    var showE = {};
    allE.forEach(function (e) { showE[e.id] = yearOk[e.id] && show[e.from] && show[e.to]; });
    if (minDeg > 0) {
      var deg = {};
      allE.forEach(function (e) {
        if (showE[e.id]) { deg[e.from] = (deg[e.from] || 0) + 1; deg[e.to] = (deg[e.to] || 0) + 1; }
      });
      allN.forEach(function (n) { if (show[n.id] && (deg[n.id] || 0) < minDeg) { show[n.id] = false; } });
      allE.forEach(function (e) { showE[e.id] = showE[e.id] && show[e.from] && show[e.to]; });
    }
    var nu = [], eu = [], vn = 0, ve = 0;
    allN.forEach(function (n) {
      var h = !show[n.id];
      if (!h) { vn++; }
      if (!!hiddenN[n.id] !== h) { hiddenN[n.id] = h; nu.push({ id: n.id, hidden: h }); }
    });
    allE.forEach(function (e) {
      var h = !showE[e.id];
      if (!h) { ve++; }
      if (!!hiddenE[e.id] !== h) { hiddenE[e.id] = h; eu.push({ id: e.id, hidden: h }); }
    });
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
    kg.visibleNodes = vn; kg.visibleEdges = ve;
    var count = $("kg-count");
    count.textContent = "显示 " + vn + " / " + allN.length + " 个节点，" + ve + " / " + allE.length + " 条关系";
    count.dataset.nodes = vn; count.dataset.edges = ve;
  }

  function resetFilters() {
    document.querySelectorAll(".kg-type input").forEach(function (cb) { cb.checked = true; });
    $("kg-district").value = "";
    $("kg-year-from").value = META.yearMin === null ? "" : META.yearMin;
    $("kg-year-to").value = META.yearMax === null ? "" : META.yearMax;
    $("kg-min-degree").value = 0;
    apply();
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function nodeLink(id) {
    var a = el("span", nodeById[id] ? nodeById[id].label : id, "kg-link");
    a.addEventListener("click", function () { focusNode(id); });
    return a;
  }

  function showDetails(id) {
    var n = nodeById[id], panel = $("kg-details");
    if (!n) { return; }
    panel.textContent = "";
    panel.dataset.node = id;
    panel.appendChild(el("h3", n.label));
    var dl = el("dl");
    function row(term, content) {
      dl.appendChild(el("dt", term));
      var dd = el("dd");
      if (typeof content === "string") { dd.textContent = content; } else { dd.appendChild(content); }
      dl.appendChild(dd);
    }
    row("类型", META.typeZh[n.kgType] + " (" + n.kgType + ")");
    row("别名", n.kgNames.length > 1 ? n.kgNames.slice(1).join("、") : "无");
    var ds = el("span");
    if (n.kgDistricts.length) {
      n.kgDistricts.forEach(function (d, i) { if (i) { ds.appendChild(document.createTextNode("、")); } ds.appendChild(nodeLink(d)); });
    } else { ds.textContent = "不详"; }
    row("所属区县", ds);
    row("文档", n.kgDocs.join("、") || "无");
    panel.appendChild(dl);
    panel.appendChild(el("h4", "关系 (" + incident[id].length + ")"));
    var ul = el("ul");
    incident[id].forEach(function (eid) {
      var e = edgeById[eid], li = el("li", null, "kg-rel"), outgoing = e.from === id;
      var pred = META.predicates[e.kgPred] + " (" + e.kgPred + ")";
      var head = el("div");
      if (outgoing) {
        head.appendChild(el("b", "→ " + pred + " "));
        head.appendChild(nodeLink(e.to));
      } else {
        head.appendChild(nodeLink(e.from));
        head.appendChild(el("b", " " + pred + " →"));
      }
      li.appendChild(head);
      var facts = el("ul");
      e.kgFacts.forEach(function (f) {
        var fl = el("li", null, "kg-fact");
        fl.appendChild(el("span", f[0] === null ? "年份不详" : String(f[0]), "kg-year"));
        fl.appendChild(document.createTextNode(" · "));
        fl.appendChild(el("span", f[1], "kg-doc"));
        fl.appendChild(document.createTextNode("：" + f[2]));
        facts.appendChild(fl);
      });
      li.appendChild(facts);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  function focusNode(id) {
    if (hiddenN[id]) { resetFilters(); $("kg-message").textContent = "已重置筛选以显示该节点"; }
    pinned = id;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showDetails(id);
  }

  function search(query) {
    var q = (query || "").trim().toLowerCase();
    $("kg-message").textContent = "";
    if (!q) { return null; }
    var hit = null;
    for (var i = 0; i < names.length && !hit; i++) { if (names[i][0] === q) { hit = names[i]; } }
    for (var j = 0; j < names.length && !hit; j++) { if (names[j][0].indexOf(q) >= 0) { hit = names[j]; } }
    if (!hit) { $("kg-message").textContent = "没有找到 “" + query.trim() + "”"; return null; }
    focusNode(hit[1]);
    if (hit[2] !== nodeById[hit[1]].label) { $("kg-message").textContent = "“" + hit[2] + "” 是 " + nodeById[hit[1]].label + " 的别名"; }
    return hit[1];
  }

  // names for the search box's suggestions
  var list = $("kg-names"), frag = document.createDocumentFragment();
  names.forEach(function (p) { var o = document.createElement("option"); o.value = p[2]; frag.appendChild(o); });
  list.appendChild(frag);

  document.querySelectorAll(".kg-type input").forEach(function (cb) { cb.addEventListener("change", apply); });
  ["kg-district", "kg-year-from", "kg-year-to", "kg-min-degree"].forEach(function (id) {
    $(id).addEventListener("change", apply);
  });
  $("kg-search-go").addEventListener("click", function () { search($("kg-search").value); });
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search($("kg-search").value); } });
  $("kg-reset").addEventListener("click", function () { $("kg-message").textContent = ""; resetFilters(); network.fit(); });

  network.on("hoverNode", function (p) { if (pinned === null) { showDetails(p.node); } });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = p.nodes[0]; showDetails(pinned); } else { pinned = null; }
  });

  function markReady() {
    if (kg.ready) { return; }
    kg.ready = true;
    kg.readyAt = performance.now();
    document.body.dataset.ready = "1";
  }
  if (!allN.length) {
    markReady();
  } else if (META.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });  // settled: stop animating, keep the layout
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
  }
  kg.search = search;
  kg.apply = apply;
  kg.reset = resetFilters;
  apply();
})();

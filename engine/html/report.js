// claimcheck HTML report: filtering findings by verdict, selecting a finding (marks its
// sentences in every document and scrolls each document to them), and selecting a claim
// (shows its normalised fact and the findings that cite it). Embedded into every report
// at build time; the report's CSP allows only this script. Without it the report is a
// complete static page: every finding, claim and fact is visible and linked.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var claims = Array.prototype.slice.call(document.querySelectorAll("mark.claim"));
  var panel = document.getElementById("fact-panel");
  var claimOf = {};  // fact id -> its highlighted claim
  claims.forEach(function (mark) {
    mark.getAttribute("data-facts").split(" ").forEach(function (id) { claimOf[id] = mark; });
  });
  var citing = {};  // fact id -> findings that cite it
  findings.forEach(function (li) {
    li.getAttribute("data-facts").split(" ").forEach(function (id) {
      (citing[id] = citing[id] || []).push(li);
    });
  });

  function clearMarks() {
    document.querySelectorAll(".marked").forEach(function (el) { el.classList.remove("marked"); });
    findings.forEach(function (li) { li.removeAttribute("aria-current"); });
  }

  // scrolls a document's own scroll box (not the page) so that `el` is in view
  function scrollWithin(el) {
    var box = el.closest(".body");
    if (!box) return;
    var top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }

  function selectFinding(li, focusDocs) {
    clearMarks();
    li.setAttribute("aria-current", "true");
    var firstInDoc = {};
    li.getAttribute("data-facts").split(" ").forEach(function (id) {
      var mark = claimOf[id];
      if (!mark) return;
      mark.classList.add("marked");
      var sentence = mark.closest(".sent");
      if (sentence) sentence.classList.add("marked");
      var doc = mark.closest(".document").id;
      if (!firstInDoc[doc]) firstInDoc[doc] = sentence || mark;
    });
    Object.keys(firstInDoc).forEach(function (doc) { scrollWithin(firstInDoc[doc]); });
    if (focusDocs) {
      var docs = document.querySelector(".documents");
      if (docs && docs.getBoundingClientRect().top < 0) docs.scrollIntoView({block: "start"});
    }
  }

  // the labels in the report's interface language, from the page (engine/html_labels.cpp)
  function label(name, values) {
    var s = panel.getAttribute("data-" + name) || "";
    Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(values[k]); });
    return s;
  }

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  function showFact(mark) {
    claims.forEach(function (m) { m.setAttribute("aria-pressed", m === mark ? "true" : "false"); });
    panel.replaceChildren();
    mark.getAttribute("data-facts").split(" ").forEach(function (id) {
      var row = document.getElementById("row-" + id);
      panel.appendChild(text("h3", label("fact", {id: id})));
      if (row) {
        var dl = document.createElement("dl");
        var heads = document.querySelectorAll("table.facts thead th");
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (i === 0 || !cell.textContent || cell.textContent === "—") return;
          dl.appendChild(text("dt", heads[i] ? heads[i].textContent : ""));
          // the cell's own markup: what it quotes and names stays isolated in its direction
          var dd = document.createElement("dd");
          Array.prototype.forEach.call(cell.childNodes, function (n) { dd.appendChild(n.cloneNode(true)); });
          dl.appendChild(dd);
        });
        panel.appendChild(dl);
      }
      var list = citing[id] || [];
      if (!list.length) {
        panel.appendChild(text("p", label("uncited"), "empty"));
        return;
      }
      panel.appendChild(text("p", label("cited-by")));
      var ul = document.createElement("ul");
      list.forEach(function (li) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "v-" + li.getAttribute("data-verdict");
        button.appendChild(text("span", "", "icon"));
        button.appendChild(document.createTextNode(
          " " + li.querySelector(".verdict").textContent + ": " + li.querySelector(".explanation").textContent));
        button.addEventListener("click", function () {
          selectFinding(li, false);
          li.scrollIntoView({block: "nearest"});
          li.querySelector("button.select").focus();
        });
        item.appendChild(button);
        ul.appendChild(item);
      });
      panel.appendChild(ul);
    });
  }

  findings.forEach(function (li) {
    li.querySelector("button.select").addEventListener("click", function () { selectFinding(li, true); });
  });
  claims.forEach(function (mark) {
    mark.addEventListener("click", function () { showFact(mark); });
    mark.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showFact(mark); }
    });
  });

  // filtering: a toggle per verdict hides or shows its findings
  var hiddenVerdicts = {};
  document.querySelectorAll(".filters button[data-verdict]").forEach(function (button) {
    button.addEventListener("click", function () {
      var verdict = button.getAttribute("data-verdict");
      var shown = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      hiddenVerdicts[verdict] = !shown;
      findings.forEach(function (li) { li.hidden = !!hiddenVerdicts[li.getAttribute("data-verdict")]; });
      var status = document.getElementById("filter-status");
      var visible = findings.filter(function (li) { return !li.hidden; }).length;
      status.textContent = status.getAttribute("data-shown")
        .split("{shown}").join(String(visible)).split("{total}").join(String(findings.length));
    });
  });

  // a finding named in the address (#finding-3) is selected on load
  function fromHash() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.classList.contains("finding")) selectFinding(target, false);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  root.setAttribute("data-ready", "true");
})();

// kg query editor: runs SPARQL against /sparql, shows a table with links, offers downloads. No dependencies.
(function () {
  "use strict";
  var form = document.getElementById("kg-editor");
  var textarea = document.getElementById("kg-query");
  var highlight = document.getElementById("kg-highlight");
  var status = document.getElementById("kg-status");
  var results = document.getElementById("kg-results");
  var downloads = document.getElementById("kg-downloads");
  var base = form.getAttribute("data-base");

  var TOKENS = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][\w]+)|\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|PREFIX|BASE|FILTER|OPTIONAL|UNION|GRAPH|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|DISTINCT|REDUCED|VALUES|BIND|AS|MINUS|NOT|EXISTS|IN|SERVICE|FROM|NAMED|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|DESC|ASC|STR|LANG|REGEX|CONTAINS|STRSTARTS|LCASE|UCASE|BOUND|IF|COALESCE|a)\b/gi;
  var CLASSES = [null, "comment", "string", "iri", "var", "keyword"];

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function render() {
    var text = textarea.value, out = "", last = 0, match;
    TOKENS.lastIndex = 0;
    while ((match = TOKENS.exec(text)) !== null) {
      out += escapeHtml(text.slice(last, match.index));
      for (var i = 1; i < CLASSES.length; i++) {
        if (match[i] !== undefined) {
          out += '<span class="kg-' + CLASSES[i] + '">' + escapeHtml(match[0]) + "</span>";
          break;
        }
      }
      last = TOKENS.lastIndex;
    }
    highlight.innerHTML = out + escapeHtml(text.slice(last)) + "\n";
    highlight.scrollTop = textarea.scrollTop;
  }

  function link(iri) {
    var a = document.createElement("a");
    a.textContent = iri;
    a.href = iri.indexOf(base) === 0 ? "/" + iri.slice(base.length) : iri;
    return a;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") td.appendChild(link(term.value));
    else td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    if (term.datatype) td.title = term.datatype;
    return td;
  }

  function table(vars, rows) {
    var t = document.createElement("table"), head = t.createTHead().insertRow(), body = t.createTBody();
    t.className = "kg-results";
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    rows.forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
    return t;
  }

  function setDownloads(query) {
    downloads.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll(".kg-download"), function (a) {
      a.href = "/sparql?format=" + a.getAttribute("data-format") + "&query=" + encodeURIComponent(query);
    });
  }

  function run(event) {
    event.preventDefault();
    var query = textarea.value, started = Date.now();
    status.textContent = "Running…";
    results.textContent = "";
    fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: query
    }).then(function (response) {
      return response.text().then(function (text) { return {response: response, text: text}; });
    }).then(function (r) {
      setDownloads(query);
      if (!r.response.ok) {
        status.textContent = "Error " + r.response.status;
        var pre = document.createElement("pre"); pre.className = "kg-error"; pre.textContent = r.text;
        results.appendChild(pre);
        return;
      }
      var seconds = ((Date.now() - started) / 1000).toFixed(2);
      if (r.response.headers.get("Content-Type").indexOf("json") < 0) {
        var graph = document.createElement("pre"); graph.textContent = r.text; results.appendChild(graph);
        status.textContent = "Graph in " + seconds + " s";
        return;
      }
      var data = JSON.parse(r.text);
      if (data.boolean !== undefined) {
        status.textContent = "Answer: " + data.boolean;
        return;
      }
      var rows = data.results.bindings;
      var cut = r.response.headers.get("KG-Truncated") ? " (cut at the row limit)" : "";
      status.textContent = rows.length + " rows in " + seconds + " s" + cut;
      results.appendChild(table(data.head.vars, rows));
    }).catch(function (err) { status.textContent = "Failed: " + err; });
  }

  textarea.addEventListener("input", render);
  textarea.addEventListener("scroll", function () { highlight.scrollTop = textarea.scrollTop; });
  textarea.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e);
  });
  form.addEventListener("submit", run);
  render();
})();

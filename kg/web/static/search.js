// Autocomplete for every <input data-autocomplete>: asks /search.json as you type and lists links.
// Keyboard: ArrowDown/ArrowUp move through the suggestions, Enter follows one, Escape closes the list.
(function () {
  "use strict";

  function attach(input) {
    var list = document.createElement("ul");
    var listId = input.id + "-suggestions";
    var timer = null;
    var latest = 0;
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.insertAdjacentElement("afterend", list);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        var kind = document.createElement("span");
        li.setAttribute("role", "option");
        li.id = listId + "-" + i;
        a.href = r.url;
        a.className = "suggestion";
        a.textContent = r.label;
        kind.className = "kind";
        kind.textContent = " " + r.type;
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", String(results.length > 0));
    }

    function lookup() {
      var q = input.value.trim();
      var ticket = ++latest;
      if (!q) { close(); return; }
      fetch("/search.json?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (ticket === latest) { show(data.results || []); } })
        .catch(close);
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" && !list.hidden) {
        ev.preventDefault();
        var first = links()[0];
        if (first) { first.focus(); }
      } else if (ev.key === "Escape") {
        close();
      }
    });
    list.addEventListener("keydown", function (ev) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && at < all.length - 1) { ev.preventDefault(); all[at + 1].focus(); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (ev.key === "Escape") { close(); input.focus(); }
    });
    document.addEventListener("click", function (ev) {
      if (ev.target !== input && !list.contains(ev.target)) { close(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), attach);
  });
})();

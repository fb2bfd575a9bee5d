/* Term lookup: the glossary's concepts that match what the reader types, pinned above the full-text results of
   the search dialog. The index (one per page language, next to the full-text index) is written at build time by
   scripts/termbase/lookup.py, which documents its format; normalise() below must do what normalise() there does.
   WAI-ARIA combobox pattern: focus stays in the search box, the arrow keys move through the options
   (aria-activedescendant), Enter follows the active option, or the first one; below the last option the arrow
   keys hand over to the full-text results. Without JavaScript none of this exists: the A–Z pages are the way in. */
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.querySelector(".md-search__input");
  var scrollwrap = document.querySelector(".md-search__scrollwrap");
  var configElement = document.getElementById("__config");
  if (!script || !input || !scrollwrap || !configElement) return;

  var LIMIT = 8; // rows shown, unless more concepts match exactly (homonyms are never cut off)
  var base = JSON.parse(configElement.textContent).base.replace(/\/?$/, "/"); // the page language's root
  var root = new URL(base, location.href);
  var index = null;
  var loading = null;
  var options = [];
  var active = -1;

  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s\p{P}\p{Z}]/gu, "").normalize("NFC");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var box = element("div", "tb-lookup");
  var title = element("p", "tb-lookup__title");
  var list = element("div", "tb-lookup__list");
  var status = element("p", "tb-lookup__status"); // announced by screen readers, not shown
  title.id = "tb-lookup-title";
  list.id = "tb-lookup-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-labelledby", title.id);
  status.setAttribute("role", "status");
  box.hidden = true;
  box.append(title, list);
  scrollwrap.prepend(status, box);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function load() {
    if (!loading) {
      loading = fetch(new URL(base + script.dataset.index, location.href))
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.json();
        })
        .then(function (data) {
          index = data;
          title.textContent = data.strings.title;
          update();
        })
        .catch(function (error) {
          loading = null; // try again on the next focus; full-text search works meanwhile
          console.warn("term lookup unavailable:", error);
        });
    }
  }

  // The best match of each concept, best first: exact (a form written in the entry before a derived one), then
  // prefix, then substring; then by kind of form, shorter key, and the concept's place in the A–Z order.
  function search(query) {
    var q = normalise(query);
    if (!q) return [];
    var best = new Map();
    var keys = index.keys;
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      var key = k[0];
      var match;
      if (key === q) match = k[2] >= index.derived ? 1 : 0;
      else if (key.startsWith(q)) match = 2;
      else if (key.indexOf(q) > 0) match = 3;
      else continue;
      var score = ((match * 8 + k[2]) * 128 + Math.min(key.length, 127)) * 65536 + k[1];
      var previous = best.get(k[1]);
      if (!previous || score < previous.score) best.set(k[1], { score: score, match: match, key: k });
    }
    var found = Array.from(best.values()).sort(function (a, b) { return a.score - b.score; });
    var exact = found.filter(function (r) { return r.match < 2; }).length;
    return found.slice(0, Math.max(LIMIT, exact));
  }

  function option(result, number) {
    var k = result.key;
    var concept = index.concepts[k[1]];
    var link = element("a", "tb-lookup__option");
    link.id = "tb-lookup-option-" + number;
    link.href = new URL(concept[0], root).href;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    var terms = element("span", "tb-lookup__terms");
    concept[1].forEach(function (label, language) {
      var term = element("span", "tb-lookup__term", label);
      term.lang = index.languages[language];
      terms.append(term);
      var degree = concept[2][language];
      if (degree) terms.append(element("span", "tb-badge tb-badge--" + degree, index.degrees[degree]));
    });
    link.append(terms);
    if (k[2] === 3) { // a deprecated term: say what to use instead, in the language of the deprecated term
      link.append(element("span", "tb-lookup__instead", index.strings.instead
        .replace("%(deprecated)s", k[4]).replace("%(term)s", concept[1][k[3]])));
    } else if (k[4]) { // found by a synonym, derived form or pinyin: show it
      var via = element("span", "tb-lookup__via", k[4]);
      via.lang = index.languages[k[3]];
      link.append(via);
    }
    return link;
  }

  function setActive(number) {
    active = number;
    options.forEach(function (node, i) {
      node.setAttribute("aria-selected", String(i === Math.max(active, 0)));
      node.classList.toggle("tb-lookup__option--active", i === active);
    });
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function announce(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function update() {
    if (!index) return;
    var results = input.value.trim() ? search(input.value) : [];
    options = results.map(option);
    list.replaceChildren.apply(list, options);
    box.hidden = !options.length;
    input.setAttribute("aria-expanded", String(options.length > 0));
    setActive(-1);
    var strings = index.strings;
    if (!input.value.trim()) announce("");
    else if (!options.length) announce(strings.none);
    else announce(options.length === 1 ? strings.found_one : strings.found.replace("%(count)s", options.length));
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); update(); });
  if (input.form) input.form.addEventListener("reset", function () { setTimeout(update); });
  if (document.activeElement === input) load();

  // Runs before Material's own keyboard handling (on window), which it pre-empts only for the keys it uses.
  input.addEventListener("keydown", function (event) {
    // While an input method composes (Chinese, for one), its keys choose among its own candidates.
    if (!options.length || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var claim = true;
    if (event.key === "ArrowDown") {
      if (active + 1 < options.length) setActive(active + 1);
      else { setActive(-1); claim = false; } // on to the full-text results
    } else if (event.key === "ArrowUp") {
      if (active >= 0) setActive(active - 1);
      else claim = false;
    } else if (event.key === "Enter") {
      options[Math.max(active, 0)].click();
    } else {
      claim = false;
    }
    if (claim) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
})();

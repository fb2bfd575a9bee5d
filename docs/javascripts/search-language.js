// Search results in the reader's language only. The site has one search index for all languages
// (mkdocs-static-i18n #271); this hides the results that belong to another language's pages.
// Languages are read from the language switcher, so nothing here names a language.
(function () {
  "use strict";

  function sitePath(url, base) {
    var path = new URL(url, document.baseURI).pathname;
    return path.indexOf(base) === 0 ? path.slice(base.length) : path;
  }

  function setup() {
    var config = document.getElementById("__config");
    var list = document.querySelector(".md-search-result__list");
    if (!config || !list) return;
    var base = new URL(JSON.parse(config.textContent).base, location.href).pathname.replace(/\/?$/, "/");
    var switcher = Array.prototype.slice.call(document.querySelectorAll(".md-select__link[hreflang]"));
    var current = document.documentElement.lang;
    // The language served at the root is the one whose switcher link has no language folder in front of it.
    var prefixed = switcher.map(function (a) { return a.getAttribute("hreflang"); }).filter(function (code) {
      return switcher.some(function (a) { return sitePath(a.href, base).indexOf(code + "/") === 0; });
    });

    function languageOf(url) {
      var path = sitePath(url, base);
      for (var i = 0; i < prefixed.length; i++) {
        if (path.indexOf(prefixed[i] + "/") === 0) return prefixed[i];
      }
      return null;  // the root language
    }

    var mine = prefixed.indexOf(current) >= 0 ? current : null;
    function filter() {
      var items = list.querySelectorAll(".md-search-result__item");
      for (var i = 0; i < items.length; i++) {
        var link = items[i].querySelector("a");
        if (link) items[i].hidden = languageOf(link.href) !== mine;
      }
    }
    new MutationObserver(filter).observe(list, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

/* Renders Mermaid diagrams and KaTeX math on every page Material shows,
 * including pages reached by instant navigation. Both libraries are vendored
 * under assets/vendor/ and loaded only by pages that need them. */
(function () {
  "use strict";

  var base = document.currentScript.src;
  var MERMAID = new URL("../vendor/mermaid/mermaid.tiny.js", base).href;
  var KATEX = new URL("../vendor/katex/katex.min.js", base).href;
  var loading = {};
  var diagramCount = 0;
  var queue = Promise.resolve();

  function load(url, globalName) {
    if (window[globalName]) return Promise.resolve(window[globalName]);
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = function () { resolve(window[globalName]); };
        script.onerror = function () { reject(new Error("could not load " + url)); };
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }

  function instantNavigation() {
    var config = document.getElementById("__config");
    var features = config ? JSON.parse(config.textContent).features || [] : [];
    return features.indexOf("navigation.instant") !== -1 && window.location$ && window.location$.next;
  }

  function darkPalette() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  /* Mermaid: each diagram keeps its source in data-source, so a palette
   * switch can draw it again. Renders run one at a time. */
  function renderDiagrams(force) {
    var blocks = Array.prototype.filter.call(
      document.querySelectorAll("div.mermaid"),
      function (el) { return force || el.dataset.rendered !== darkPalette() + ""; }
    );
    if (!blocks.length) return queue;
    queue = queue.then(function () { return load(MERMAID, "mermaid"); }).then(function (mermaid) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: darkPalette() ? "dark" : "default",
        flowchart: { useMaxWidth: false, htmlLabels: true }
      });
      return blocks.reduce(function (done, el) {
        return done.then(function () {
          if (!el.dataset.source) el.dataset.source = el.textContent;
          diagramCount += 1;
          return mermaid.render("lr-diagram-" + diagramCount, el.dataset.source).then(function (out) {
            el.innerHTML = out.svg;
            if (out.bindFunctions) out.bindFunctions(el);
            el.dataset.rendered = darkPalette() + "";
          });
        });
      }, Promise.resolve());
    }).catch(function (error) {
      console.warn("diagram not drawn:", error);
    });
    return queue;
  }

  /* KaTeX: pymdownx.arithmatex (generic) wraps math in .arithmatex,
   * as \( ... \) inline and \[ ... \] for display. */
  function renderMath() {
    var pending = document.querySelectorAll(".arithmatex:not([data-typeset])");
    if (!pending.length) return;
    load(KATEX, "katex").then(function (katex) {
      pending.forEach(function (el) {
        var tex = el.textContent.trim();
        var display = tex.slice(0, 2) === "\\[";
        katex.render(tex.slice(2, -2), el, { displayMode: display, throwOnError: false });
        el.setAttribute("data-typeset", "");
      });
    });
  }

  /* A click on a graph node (Mermaid's, or the lesson header's SVG) follows its
   * link through Material's instant navigation when it is on, and never reaches
   * Material's own handler, which expects an HTML link rather than an SVG one. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("div.mermaid a, svg.lr-graph a");
    if (!link) return;
    var href = link.getAttribute("href") || link.getAttribute("xlink:href");
    if (!href) return;
    event.preventDefault();
    event.stopPropagation();
    var url = new URL(href, location.href);
    if (instantNavigation() && url.origin === location.origin) {
      history.pushState(null, "", url.href);
      window.location$.next(url);
    } else {
      location.assign(url.href);
    }
  }, true);

  new MutationObserver(function () { renderDiagrams(false); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function renderPage() {
    renderMath();
    renderDiagrams(false);
  }
  /* Wait for the parse to finish, so a Mermaid script tag that mkdocs-mermaid2
   * put at the end of the page has run and the library is not loaded twice. */
  function start() {
    if (window.document$) {
      window.document$.subscribe(renderPage);
    } else {
      renderPage();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

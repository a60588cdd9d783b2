/* accords: the little JavaScript the pages use. No dependencies; everything still works without it. */
(function () {
  "use strict";

  function highlight(id) {
    var text = document.getElementById("text");
    if (!text) return false;
    text.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".rec.active").forEach(function (el) { el.classList.remove("active"); });
    var first = null;
    text.querySelectorAll("[data-r]").forEach(function (el) {
      if (el.getAttribute("data-r").split(" ").indexOf(id) >= 0) {
        el.classList.add("hl");
        if (!first) first = el;
      }
    });
    var item = document.getElementById("r-" + id);
    if (item) item.classList.add("active");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    if (history.replaceState) history.replaceState(null, "", "?hl=" + encodeURIComponent(id));
    return true;
  }

  document.addEventListener("click", function (e) {
    var pick = e.target.closest ? e.target.closest("a.pick[data-rec]") : null;
    if (pick && highlight(pick.getAttribute("data-rec"))) {
      e.preventDefault();
      return;
    }
    var trig = e.target.closest ? e.target.closest("#text [data-t]") : null;
    if (trig) {
      var id = trig.getAttribute("data-t").split(" ")[0];
      highlight(id);
      var item = document.getElementById("r-" + id);
      if (item) item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  });

  document.addEventListener("change", function (e) {
    var box = e.target;
    if (!box.matches || !box.matches("input[data-toggle]")) return;
    var text = document.getElementById("text");
    if (text) text.classList.toggle(box.getAttribute("data-toggle"), box.checked);
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.matches && form.matches("form.autoclean")) {
      // drop empty fields so filter URLs stay short and shareable
      form.querySelectorAll("input, select").forEach(function (el) { if (!el.value) el.disabled = true; });
    }
  });
})();

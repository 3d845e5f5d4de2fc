// Small keyboard helpers for the back office; every page works without them.
(function () {
  "use strict";
  // Enter in a picker's search box moves on to its list instead of sending the whole form.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target.matches && target.matches("input[data-next]")) {
      event.preventDefault();
      var next = document.getElementById(target.getAttribute("data-next"));
      if (next) next.focus();
    }
  });
  // A search picked a mahalle: tell its list, so the streets of that mahalle load.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.tagName === "SELECT" && target.hasAttribute("hx-trigger") && target.value) {
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
  // The caller was found: fill the empty name fields so the agent does not type them again.
  document.addEventListener("htmx:afterSwap", function (event) {
    var found = event.detail.target.querySelector && event.detail.target.querySelector("[data-fill-citizen]");
    if (!found) return;
    ["first_name", "last_name", "national_id", "phone"].forEach(function (name) {
      var input = document.getElementById("id_" + name);
      var value = found.getAttribute("data-" + name.replace("_", "-"));
      if (input && value && !input.value) input.value = value;
    });
  });
  // Behaviour that used to sit in inline handlers, which the Content-Security-Policy forbids:
  // the language menu sends its form, a canned answer fills its text box, the print button prints.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]")) target.form.submit();
    if (target.matches && target.matches("select[data-canned-for]") && target.value) {
      var box = document.getElementById(target.getAttribute("data-canned-for"));
      if (box) { box.value = target.options[target.selectedIndex].dataset.text; box.focus(); }
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target.matches && event.target.matches("[data-print]")) window.print();
  });
  // Select-all for the bulk-assign checkboxes.
  document.addEventListener("change", function (event) {
    if (event.target.id === "select-all") {
      document.querySelectorAll("input[name=case]").forEach(function (box) { box.checked = event.target.checked; });
    }
  });
})();

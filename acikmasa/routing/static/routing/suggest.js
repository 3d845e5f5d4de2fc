// A click on a suggested subject chooses it in the form's subject list (desk and portal).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.suggestion[data-subject]");
  if (!button) return;
  var select = document.getElementById(button.dataset.target || "id_subject");
  if (!select) return;
  var value = button.dataset.subject;
  if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
    // the desk's list may be narrowed by the subject search: add the suggested one back
    select.add(new Option(button.dataset.label, value));
  }
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  button.parentElement.querySelectorAll("button.suggestion").forEach(function (b) {
    b.setAttribute("aria-pressed", b === button ? "true" : "false");
  });
});

// Commenting on one field: on a read-only page (a reviewer reading a submitted evaluation) a click on any field
// opens the comment box right under that field, with the field already chosen. The box is the page's one
// comment form, floated beside the field (× puts it back); the field list in it still works on its own.
(function () {
  "use strict";
  var editor = document.getElementById("editor");
  var card = document.getElementById("comment-card");
  if (!editor || !card || !editor.classList.contains("readonly")) return;
  var chooser = card.querySelector('select[name="path"]');
  var text = card.querySelector("textarea");
  var hint = document.getElementById("comment-hint");
  var where = card.querySelector("[data-where]");
  if (hint) hint.hidden = false;

  function showWhere() {  // the chosen field with its task and indicator, as the closed list cannot show them
    var option = chooser.options[chooser.selectedIndex];
    var group = option && option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label + " › " : "";
    where.textContent = option && option.value ? group + option.text : "";
  }
  chooser.addEventListener("change", showWhere);

  editor.addEventListener("click", function (event) {
    var field = event.target.closest(".field");
    var input = field && field.querySelector("[name]");
    if (!input) return;
    chooser.value = input.name;
    if (chooser.value !== input.name) return;  // a field the chooser does not list
    showWhere();
    var box = field.getBoundingClientRect();
    card.classList.add("floating");
    card.style.top = (box.bottom + window.scrollY + 4) + "px";
    card.style.left = Math.max(8, Math.min(box.left + window.scrollX, document.documentElement.clientWidth - card.offsetWidth - 8)) + "px";
    text.focus({preventScroll: true});
  });
  card.querySelector("[data-close]").addEventListener("click", function () {
    card.classList.remove("floating");
    card.style.top = card.style.left = "";
  });
})();

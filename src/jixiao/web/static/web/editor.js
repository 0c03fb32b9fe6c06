// The editor's table tools: add, remove and reorder tasks and indicator rows.
// Input names are model paths with list indices (tasks[0].indicators[2].target); after every change the
// indices are recomputed from the order on the page, from each input's data-tpl (tasks[#].indicators[#].target).
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form || form.classList.contains("readonly")) return;

  function itemsOf(list) {
    return Array.prototype.filter.call(list.children, function (el) { return el.hasAttribute("data-item"); });
  }

  function renumber() {
    form.querySelectorAll("[data-tpl]").forEach(function (input) {
      if (input.closest("template")) return;
      var chain = [];
      var el = input.closest("[data-item]");
      while (el) {
        chain.unshift(itemsOf(el.parentElement).indexOf(el));
        el = el.parentElement.closest("[data-item]");
      }
      var i = 0;
      input.name = input.getAttribute("data-tpl").replace(/#/g, function () { return chain[i++]; });
    });
    form.querySelectorAll("#tasks > [data-item] [data-number]").forEach(function (span, n) { span.textContent = n + 1; });
  }

  function add(kind, button) {
    var tpl = form.querySelector('template[data-for="' + kind + '"]');
    var list = kind === "tasks" ? document.getElementById("tasks")
      : button.closest("[data-item]").querySelector('[data-list="indicators"]');
    list.appendChild(tpl.content.cloneNode(true));
    renumber();
    var items = itemsOf(list);
    var first = items[items.length - 1].querySelector("input, textarea, select");
    if (first) first.focus();
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-add")) {
      add(button.getAttribute("data-add"), button);
    } else if (button.hasAttribute("data-remove")) {
      var item = button.closest("[data-item]");
      if (window.confirm("确定删除这一项吗？保存后生效。")) item.remove();
    } else if (button.hasAttribute("data-move")) {
      var it = button.closest("[data-item]");
      var up = button.getAttribute("data-move") === "-1";
      var sibling = up ? it.previousElementSibling : it.nextElementSibling;
      if (sibling && sibling.hasAttribute("data-item")) {
        it.parentElement.insertBefore(it, up ? sibling : sibling.nextElementSibling);
      }
    } else {
      return;
    }
    renumber();
  });

  form.addEventListener("submit", renumber);
  renumber();
})();

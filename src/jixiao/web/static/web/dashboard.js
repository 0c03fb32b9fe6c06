// The dashboard's charts (Chart.js, served from static/web/vendor): the figures come from the page's
// <script type="application/json" id="dashboard-data"> block, which the server filled from stored scores.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var editUrl = document.getElementById("edit-url").getAttribute("data-url");
  Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.display = false;

  function numbers(values) { return values.map(function (v) { return v === null ? null : Number(v); }); }

  // A click on a department's bar opens its evaluation.
  function opener(links) {
    return function (event, elements) {
      if (elements.length) window.location.href = editUrl.replace("/0/", "/" + links[elements[0].index] + "/");
    };
  }

  function bar(id, labels, values, options) {
    var canvas = document.getElementById(id);
    if (!canvas) return null;
    options = options || {};
    var many = labels.length > 40;  // 300 departments: names in the tooltip, not on the axis
    return new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: options.label || "", data: values,
              backgroundColor: options.colors || "#2563eb", maxBarThickness: 48 }] },
      options: {
        indexAxis: options.horizontal ? "y" : "x",
        onClick: options.links ? opener(options.links) : undefined,
        onHover: options.links ? function (e, els) { e.native.target.style.cursor = els.length ? "pointer" : "default"; } : undefined,
        scales: {
          x: { ticks: { display: options.horizontal || !many, autoSkip: !options.horizontal } },
          y: { beginAtZero: true, ticks: options.integer ? { precision: 0 } : {} }
        },
        plugins: { tooltip: { callbacks: { label: function (c) { return (options.label || "") + " " + c.formattedValue + (options.suffix || ""); } } } }
      }
    });
  }

  var gradeColors = ["#15803d", "#2563eb", "#d97706", "#b91c1c"];
  bar("chart-bands", data.bands.labels, data.bands.counts, { label: "份数", integer: true });
  bar("chart-grades", data.grades.labels, data.grades.counts, { label: "份数", integer: true, colors: gradeColors });
  bar("chart-rates", data.rates.labels, numbers(data.rates.values), { label: "执行率", suffix: "%", links: data.rates.links });
  bar("chart-findings", data.findings.labels, data.findings.counts, { label: "涉及自评", suffix: " 份", integer: true, horizontal: true });
  var changes = numbers(data.changes.values);
  bar("chart-changes", data.changes.labels, changes, {
    label: "变化", suffix: " 分", links: data.changes.links,
    colors: changes.map(function (v) { return v < 0 ? "#b91c1c" : "#15803d"; })
  });
  document.body.setAttribute("data-charts-drawn", String(Object.keys(Chart.instances).length));
})();

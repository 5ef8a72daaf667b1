// Draws the overview's charts with Chart.js (served by dondoc from node_modules). The figures come from JSON elements
// the server wrote; the same figures are in tables next to each chart, so nothing is lost without JavaScript.
(function () {
  "use strict";
  function draw(canvasId, dataId, horizontal) {
    var canvas = document.getElementById(canvasId);
    var source = document.getElementById(dataId);
    if (!canvas || !source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent || "{}");
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s) { return { label: s.label, data: s.data, backgroundColor: s.color }; }),
      },
      options: {
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: !!data.stacked || horizontal, ticks: { precision: 0 } },
          y: { stacked: !!data.stacked || horizontal, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    canvas.setAttribute("data-drawn", "true");
  }
  function start() {
    draw("chart-completion", "data-completion", false);
    draw("chart-units", "data-units", true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

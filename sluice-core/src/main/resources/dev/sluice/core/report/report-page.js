// Draws the charts of a Sluice report page from its "sluice-charts" block with uPlot, then marks
// the body data-rendered="true" and data-charts-drawn="<n>" so a browser test can see it worked.
(function () {
  "use strict";
  var COLORS = ["#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#c62828"];
  var charts = JSON.parse(document.getElementById("sluice-charts").textContent).charts;
  var drawn = 0;

  function width(holder) {
    return Math.max(320, Math.min(960, holder.clientWidth || 960));
  }

  function steps(chart, holder) {
    var series = [{ label: chart.xLabel }];
    chart.series.forEach(function (s, i) {
      series.push({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        scale: chart.sameScale || i === 0 ? "y" : "y" + i,
        paths: uPlot.paths.stepped({ align: 1 })
      });
    });
    var axes = [{ label: chart.xLabel }];
    chart.series.forEach(function (s, i) {
      if (i === 0 || !chart.sameScale) {
        axes.push({ scale: i === 0 ? "y" : "y" + i, label: chart.sameScale ? "" : s.label, side: i === 0 ? 3 : 1, grid: { show: i === 0 } });
      }
    });
    return new uPlot({
      width: width(holder), height: 280,
      scales: { x: { time: false } },
      series: series, axes: axes
    }, [chart.x].concat(chart.series.map(function (s) { return s.values; })), holder);
  }

  function bars(chart, holder) {
    var labels = chart.labels;
    return new uPlot({
      width: width(holder), height: 260,
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } } },
      series: [
        { label: chart.title, value: function (u, v) { return v == null ? "" : labels[v]; } },
        { label: chart.series[0].label, fill: COLORS[0] + "aa", stroke: COLORS[0],
          paths: uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false } }
      ],
      axes: [
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
          values: function (u, splits) { return splits.map(function (i) { return labels[i] === undefined ? "" : labels[i]; }); } },
        { label: chart.series[0].label }
      ]
    }, [chart.x, chart.series[0].values], holder);
  }

  charts.forEach(function (chart) {
    var holder = document.getElementById("chart-" + chart.id);
    if (!holder || chart.x.length === 0) {
      return;
    }
    var plot = chart.kind === "bars" ? bars(chart, holder) : steps(chart, holder);
    if (plot.ctx && holder.querySelector("canvas")) {
      holder.setAttribute("data-points", String(chart.x.length));
      drawn++;
    }
  });
  document.body.setAttribute("data-charts-drawn", String(drawn));
  document.body.setAttribute("data-rendered", "true");
})();

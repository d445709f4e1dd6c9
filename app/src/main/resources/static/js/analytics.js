// Analytics charts read their data from data-chart-labels / data-chart-series (JSON) attributes: the content
// security policy allows no inline script.
window.addEventListener("load", () => {
  if (typeof Chart === "undefined") {
    return;
  }
  const colours = ["#0b5cad", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#4b5563"];
  document.querySelectorAll("canvas[data-chart-series]").forEach((canvas) => {
    const series = JSON.parse(canvas.dataset.chartSeries);
    canvas.chart = new Chart(canvas, {
      type: canvas.dataset.chartType || "line",
      data: {
        labels: JSON.parse(canvas.dataset.chartLabels),
        datasets: series.map((s, i) => ({ label: s.label, data: s.data, borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length] })),
      },
      options: { animation: false, scales: { y: { beginAtZero: true } } },
    });
    canvas.dataset.drawn = "true";
  });
});

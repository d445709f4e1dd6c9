// The menu button shows and hides the navigation on narrow screens.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("nav");
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
});

// Charts take their data from data-labels / data-values attributes (JSON arrays).
window.addEventListener("load", () => {
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-labels]").forEach((canvas) => {
    const table = document.getElementById(canvas.getAttribute("aria-describedby"));
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: JSON.parse(canvas.dataset.labels),
        datasets: [{ label: "New profiles", data: JSON.parse(canvas.dataset.values), backgroundColor: "#0b5cad" }],
      },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
    });
    // The table stays for screen readers; sighted users see the chart.
    if (table) {
      table.classList.add("visually-hidden");
    }
  });
});

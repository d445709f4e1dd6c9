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

// A form with data-confirm asks before it is sent: for actions that cannot be undone, e.g. revoking a write key.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A button with data-copy copies the value of the field it names, e.g. a write key shown once.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
  const field = button ? document.getElementById(button.dataset.copy) : null;
  if (!field) {
    return;
  }
  // Selected as well, so that copying by keyboard still works where the clipboard API is not allowed.
  field.select();
  if (navigator.clipboard) {
    navigator.clipboard.writeText(field.value).then(() => {
      button.textContent = "Copied";
    }, () => {});
  }
});

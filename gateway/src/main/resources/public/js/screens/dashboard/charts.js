// Chart.js charts of one dashboard: each has a name, and drawing it again replaces the previous one (Chart.js
// keeps a canvas busy until its chart is destroyed). Without Chart.js the tables beside the charts still tell all.
export function chartBoard() {
  const charts = {};
  return {
    draw(name, canvas, config) {
      if (charts[name]) charts[name].destroy();
      delete charts[name];
      if (!window.Chart) return;
      const options = { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}),
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
      charts[name] = new window.Chart(canvas, { ...config, options });
    },
    destroyAll() {
      Object.values(charts).forEach(c => c.destroy());
    },
  };
}

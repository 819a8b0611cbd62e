// Chart.js charts of one dashboard: each has a name, and drawing it again replaces the previous one (Chart.js
// keeps a canvas busy until its chart is destroyed). Without Chart.js the tables beside the charts still tell all.
// `open(index, datasetIndex)` makes the chart clickable: the part clicked names where to go (the tables beside
// carry the same links for the keyboard). Axes and tooltips write numbers in the person's language.
import { currentLanguage, formatNumber } from '../../i18n.js';

export function chartBoard() {
  const charts = {};
  return {
    draw(name, canvas, config, open) {
      if (charts[name]) charts[name].destroy();
      delete charts[name];
      if (!window.Chart) return;
      const given = config.options || {};
      const givenY = (given.scales || {}).y || {};
      const options = { responsive: true, maintainAspectRatio: false, animation: false, locale: currentLanguage(),
        ...given,
        scales: { ...(given.scales || {}), y: { beginAtZero: true, ...givenY,
          ticks: { precision: 0, callback: value => formatNumber(value), ...(givenY.ticks || {}) } } } };
      if (open) {
        options.onClick = (event, parts) => {
          if (parts.length) open(parts[0].index, parts[0].datasetIndex);
        };
        options.onHover = (event, parts) => {
          event.native.target.style.cursor = parts.length ? 'pointer' : 'default';
        };
      }
      charts[name] = new window.Chart(canvas, { ...config, options });
    },
    destroyAll() {
      Object.values(charts).forEach(c => c.destroy());
    },
  };
}

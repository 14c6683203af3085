// Chart.js, only the parts the statistics page draws (bars and lines), registered once. Every chart is an image
// to assistive technology, labelled by its heading; the table beside it carries the same figures as text.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { h } from '../shared/dom.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const colours = [ '#1f5f9e', '#c05a1a', '#3a8a4a', '#8a3a8a', '#a4262c' ];

/** A canvas in a sized box (Chart.js needs a positioned parent to be responsive). */
export function chartBox(id, labelledBy) {
  const canvas = h('canvas', { id, role: 'img', 'aria-labelledby': labelledBy });
  return { canvas, box: h('div', { class: 'chart-box' }, canvas) };
}

/**
 * Draws or redraws a chart: kind 'bar' (horizontal when horizontal is true) or 'line'; series [{ label, values }].
 * Animation is off: the figures are what matters, and screenshots and tests see the final picture at once.
 */
export function drawChart(existing, canvas, { kind, labels, series, horizontal = false }) {
  const data = {
    labels,
    datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colours[i % colours.length],
      borderColor: colours[i % colours.length], tension: 0.2 }))
  };
  if (existing) {
    existing.data = data;
    existing.update();
    return existing;
  }
  return new Chart(canvas, {
    type: kind,
    data,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: series.length > 1 } },
      scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } }
    }
  });
}

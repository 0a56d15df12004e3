// Draws each <canvas data-chart="{type, stacked, labels, datasets}"> of the reports page with Chart.js.
// The tables beside the charts hold the same figures, so the page reads without script too.
document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
  const spec = JSON.parse(canvas.dataset.chart);
  const scales = spec.stacked
    ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } }
    : { y: { beginAtZero: true } };
  // eslint-disable-next-line no-undef
  new Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.datasets },
    options: { animation: false, maintainAspectRatio: false, scales },
  });
});

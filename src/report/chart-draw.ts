/** The JSON the page's charts are drawn from. */
export interface ChartData {
  monthly: { months: string[]; series: { label: string; counts: number[] }[] };
  segments: { labels: string[]; depths: number[]; region: number[]; nation: number[] };
}

export const CHART_DATA_ID = 'report-data';
export const MONTHLY_CANVAS_ID = 'chart-monthly';
export const SEGMENTS_CANVAS_ID = 'chart-segments';

/** Browser script: draws both charts from the JSON block, then flags the body so that tests can wait for it. */
export const CHART_DRAW_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('${CHART_DATA_ID}').textContent);
  var palette = ['#1c7ed6', '#f08c00', '#2f9e44', '#ae3ec9', '#e03131', '#0c8599', '#5c940d', '#862e9c'];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#3e4c59';
  var monthly = document.getElementById('${MONTHLY_CANVAS_ID}');
  if (monthly) {
    new Chart(monthly, {
      type: 'bar',
      data: {
        labels: data.monthly.months,
        datasets: data.monthly.series.map(function (series, i) {
          return { label: series.label, data: series.counts, backgroundColor: palette[i % palette.length] };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }
  var segments = document.getElementById('${SEGMENTS_CANVAS_ID}');
  if (segments) {
    new Chart(segments, {
      type: 'bar',
      data: {
        labels: data.segments.labels,
        datasets: [
          { label: '本地区 Region', data: data.segments.region, backgroundColor: '#d9480f' },
          { label: '全国 Nation', data: data.segments.nation, backgroundColor: '#adb5bd' }
        ]
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: {
            ticks: {
              font: function (context) {
                return { weight: data.segments.depths[context.index] === 0 ? 'bold' : 'normal' };
              }
            }
          }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }
  document.body.dataset.chartsReady = 'true';
})();
`;

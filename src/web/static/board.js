// Board charts (Apache ECharts, served from node_modules). Data comes inline from the server.
(() => {
  var d = JSON.parse(document.getElementById('board-data').textContent || '{}');
  if (!window.echarts) return;
  var charts = [];
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = window.echarts.init(el, null, { renderer: 'svg' });
    c.setOption(
      Object.assign(
        {
          animation: false,
          grid: { left: 40, right: 16, top: 36, bottom: 40, containLabel: true },
          tooltip: { trigger: 'axis' },
        },
        option,
      ),
    );
    charts.push(c);
  }
  chart('c-weekly', {
    legend: { data: ['新增', '办结'] },
    xAxis: { type: 'category', data: d.weeks, name: '周' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新增', type: 'bar', data: d.opened, itemStyle: { color: '#d97706' } },
      { name: '办结', type: 'bar', data: d.resolved, itemStyle: { color: '#2e7d32' } },
    ],
  });
  chart(
    'c-dept',
    d.departments.length
      ? {
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: d.departments.slice().reverse() },
          series: [
            { name: '逾期', type: 'bar', data: d.departmentOverdue.slice().reverse(), itemStyle: { color: '#c0392b' } },
          ],
        }
      : {
          title: { text: '没有逾期问题', left: 'center', top: 'middle', textStyle: { color: '#646a73', fontSize: 14 } },
        },
  );
  var max = 1;
  d.visitCells.forEach((c) => {
    if (c[2] > max) max = c[2];
  });
  chart(
    'c-visits',
    d.visitTeams.length
      ? {
          tooltip: { position: 'top' },
          xAxis: { type: 'category', data: d.months, splitArea: { show: true } },
          yAxis: {
            type: 'category',
            data: d.visitTeams,
            inverse: true,
            axisLabel: { width: 90, overflow: 'truncate' },
          },
          visualMap: {
            min: 0,
            max: max,
            calculable: false,
            orient: 'horizontal',
            left: 'center',
            bottom: 0,
            itemHeight: 80,
            inRange: { color: ['#fdecea', '#1f5fbf'] },
          },
          series: [{ name: '走访次数', type: 'heatmap', data: d.visitCells, label: { show: true } }],
        }
      : { title: { text: '暂无小组', left: 'center', top: 'middle' } },
  );
  window.addEventListener('resize', () => {
    charts.forEach((c) => {
      c.resize();
    });
  });
})();

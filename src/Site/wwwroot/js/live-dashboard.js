// The live parts of /Account/Live: the figures, the chart of the last hour and the call list, kept current by the
// callStatistics and callEvents subscriptions. The page is complete without this script; it only keeps it moving.
(function () {
  'use strict';

  const root = document.getElementById('live');
  if (!root || !window.GraphQLSocket) {
    return;
  }

  const data = root.dataset;
  const locale = data.locale || 'fr-FR';
  const tenths = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: data.timeZone });
  const minuteClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: data.timeZone });
  function minuteOf(seconds) { return seconds == null ? '' : minuteClock.format(new Date(seconds * 1000)); }
  const statusText = {
    RINGING: data.statusRinging,
    IN_PROGRESS: data.statusInProgress,
    COMPLETED: data.statusCompleted,
    MISSED: data.statusMissed,
    NOT_ANSWERED: data.statusNotAnswered,
  };
  const directionText = { INBOUND: data.directionInbound, OUTBOUND: data.directionOutbound };
  const maxRows = 20;

  const statistics = `subscription ($id: ID!) { callStatistics(accountId: $id, minutes: 60) {
    inProgress answeredToday missedToday minutesToday revenueToday currency
    perMinute { minute calls peakInProgress } } }`;
  const activity = `subscription ($id: ID!) { callEvents(numberId: $id) {
    calls { callId number direction caller callee status firstSeenAt talkSeconds endedAt closedByStore } } }`;

  const state = document.querySelector('[data-live-state]');
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  const socket = new window.GraphQLSocket(url, {
    onState: function (s) {
      if (state) {
        state.textContent = s === 'live' ? state.dataset.textLive : state.dataset.textOffline;
        state.dataset.state = s;
      }
    },
  });

  function setFigure(name, text) {
    const cell = root.querySelector('[data-figure="' + name + '"]');
    if (cell && cell.textContent !== text) {
      cell.textContent = text;
      cell.classList.remove('changed');
      void cell.offsetWidth; // Restarts the highlight.
      cell.classList.add('changed');
    }
  }

  // The chart: calls first seen each minute, and the most calls on the lines at once.
  const chartBox = document.getElementById('live-chart');
  let chart = null;
  function draw(points) {
    const series = [
      points.map(function (p) { return Date.parse(p.minute) / 1000; }),
      points.map(function (p) { return p.calls; }),
      points.map(function (p) { return p.peakInProgress; }),
    ];
    if (!chart) {
      chart = new window.uPlot({
        width: Math.max(320, chartBox.clientWidth || 640),
        height: 220,
        scales: { y: { range: function (u, min, max) { return [0, Math.max(3, max + 1)]; } } },
        axes: [
          { values: function (u, splits) { return splits.map(minuteOf); } },
          { values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } },
        ],
        series: [
          { label: data.chartTime, value: function (u, v) { return minuteOf(v); } },
          { label: data.chartCalls, stroke: '#1f5fbf', fill: 'rgba(31, 95, 191, 0.15)', width: 2, points: { show: false } },
          { label: data.chartInProgress, stroke: '#c2410c', width: 2, points: { show: false } },
        ],
      }, series, chartBox);
    } else {
      chart.setData(series);
    }

    chartBox.dataset.calls = String(series[1].reduce(function (a, b) { return a + b; }, 0));
  }

  socket.subscribe(statistics, { id: data.accountId }, function (payload) {
    if (payload.errors) {
      console.warn(payload.errors);
      return;
    }

    const s = payload.data.callStatistics;
    setFigure('inProgress', String(s.inProgress));
    setFigure('answeredToday', String(s.answeredToday));
    setFigure('missedToday', String(s.missedToday));
    setFigure('minutesToday', tenths.format(s.minutesToday));
    setFigure('revenueToday', cents.format(s.revenueToday) + ' ' + s.currency);
    draw(s.perMinute);
  });

  // The call list: each call's row is updated where it stands, new calls come in at their place by time.
  const rows = root.querySelector('[data-calls]');
  const empty = root.querySelector('[data-empty]');
  function duration(call) {
    if (!call.endedAt) {
      return '';
    }

    const s = call.talkSeconds;
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function upsert(call) {
    let row = Array.prototype.find.call(rows.rows, function (r) { return r.dataset.callId === call.callId; });
    if (!row) {
      row = document.createElement('tr');
      row.dataset.callId = call.callId;
      for (let i = 0; i < 7; i++) {
        row.appendChild(document.createElement('td'));
      }

      const later = Array.prototype.find.call(rows.rows, function (r) { return (r.dataset.at || '') < call.firstSeenAt; });
      rows.insertBefore(row, later || null);
    }

    row.dataset.at = call.firstSeenAt;
    const texts = [
      clock.format(new Date(call.firstSeenAt)),
      call.number || '',
      directionText[call.direction] || call.direction,
      call.caller || '',
      call.callee || '',
      (statusText[call.status] || call.status) + (call.closedByStore ? ' · ' + data.closedByStore : ''),
      duration(call),
    ];
    texts.forEach(function (text, i) {
      if (row.cells[i].textContent !== text) {
        row.cells[i].textContent = text;
      }
    });
    row.cells[5].dataset.status = call.status;
  }

  (data.numberIds || '').split(',').filter(Boolean).forEach(function (id) {
    socket.subscribe(activity, { id: id }, function (payload) {
      if (payload.errors) {
        console.warn(payload.errors);
        return;
      }

      payload.data.callEvents.calls.slice().reverse().forEach(upsert);
      while (rows.rows.length > maxRows) {
        rows.deleteRow(rows.rows.length - 1);
      }

      if (empty) {
        empty.hidden = rows.rows.length > 0;
      }
    });
  });
})();

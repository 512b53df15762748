/*
 * Aduan open statistics dashboard. Reads only the public JSON API of stats-service (the same, already
 * suppressed numbers as the JSON and CSV open data) and draws every chart as SVG itself: no library, no CDN.
 * Every number shown carries data-* attributes with the API value, so tests can compare page and API.
 */
(function () {
  'use strict';

  var TEXT = {
    id: {
      title: 'Statistik Pengaduan Terbuka',
      subtitle: 'Berapa banyak pengaduan masuk, tentang apa, dari mana, dan seberapa baik instansi menjawabnya.',
      period: 'Periode', allTime: 'Sepanjang waktu',
      suppressionNote: 'Angka di bawah 10 pengaduan disembunyikan (ditandai <10), begitu pula angka yang dapat dipakai untuk menghitungnya kembali, agar tidak ada pelapor yang dapat dikenali.',
      total: 'Pengaduan', responded: 'Ditanggapi', closed: 'Selesai',
      medianResponse: 'Median waktu tanggapan pertama', slaCompliance: 'Kepatuhan SLA',
      trend: 'Pengaduan dari waktu ke waktu', categories: 'Kategori teratas', funnel: 'Sejauh mana pengaduan diproses',
      provinces: 'Pengaduan per provinsi', agencies: 'Rapor instansi', channels: 'Saluran pengaduan',
      ratings: 'Penilaian pelapor', transfers: 'Pengalihan antarinstansi',
      licence: 'Lisensi data', openData: 'Data terbuka', generatedAt: 'Diperbarui',
      hidden: '<10', hours: 'jam', noData: 'Belum ada data untuk periode ini.',
      sampleTooSmall: 'sampel belum cukup', agency: 'Instansi', complaints: 'Pengaduan',
      sla: 'Dijawab sebelum eskalasi', firstResponse: 'Median tanggapan pertama', rating: 'Rata-rata nilai',
      transfersOut: 'Dialihkan keluar', from: 'Dari', to: 'Ke', totalTransfers: 'Jumlah pengalihan',
      minSample: 'Angka rata-rata, median dan persentase hanya ditampilkan bila didasarkan pada sedikitnya {n} pengaduan.',
      languageButton: 'EN', error: 'Data tidak dapat dimuat.'
    },
    en: {
      title: 'Open Complaint Statistics',
      subtitle: 'How many complaints come in, about what, from where, and how well each agency answers.',
      period: 'Period', allTime: 'All time',
      suppressionNote: 'Counts below 10 complaints are hidden (shown as <10), as are counts that could be used to work them out again, so that no reporter can be recognised.',
      total: 'Complaints', responded: 'Responded', closed: 'Closed',
      medianResponse: 'Median time to first response', slaCompliance: 'SLA compliance',
      trend: 'Complaints over time', categories: 'Top categories', funnel: 'How far complaints got',
      provinces: 'Complaints by province', agencies: 'Agency scorecards', channels: 'Channels',
      ratings: 'Citizens\u2019 ratings', transfers: 'Transfers between agencies',
      licence: 'Data licence', openData: 'Open data', generatedAt: 'Updated',
      hidden: '<10', hours: 'h', noData: 'No data for this period yet.',
      sampleTooSmall: 'sample too small', agency: 'Agency', complaints: 'Complaints',
      sla: 'Answered before escalation', firstResponse: 'Median first response', rating: 'Average rating',
      transfersOut: 'Transferred out', from: 'From', to: 'To', totalTransfers: 'Transfers',
      minSample: 'Averages, medians and percentages are shown only when they rest on at least {n} complaints.',
      languageButton: 'ID', error: 'The data could not be loaded.'
    }
  };

  /* Provinces on a tile grid, roughly as they lie on the map: [row, column]. */
  var TILES = {
    '11': [0, 0], '21': [0, 3],
    '12': [1, 1], '14': [1, 2], '65': [1, 6], '75': [1, 8], '71': [1, 9], '82': [1, 10], '96': [1, 11],
    '13': [2, 1], '15': [2, 2], '61': [2, 4], '62': [2, 5], '64': [2, 6], '76': [2, 7], '72': [2, 8], '92': [2, 11], '91': [2, 12],
    '17': [3, 1], '16': [3, 2], '19': [3, 3], '63': [3, 6], '73': [3, 7], '74': [3, 8], '81': [3, 10], '94': [3, 12], '95': [3, 13],
    '18': [4, 2], '31': [4, 4], '93': [4, 13],
    '36': [5, 3], '32': [5, 4], '33': [5, 5], '35': [5, 6], '51': [5, 7], '52': [5, 8], '53': [5, 9],
    '34': [6, 5]
  };

  var params = new URLSearchParams(window.location.search);
  var state = {
    lang: params.get('lang') === 'en' ? 'en' : 'id',
    period: params.get('period') || 'all',
    data: null
  };

  function t(key) { return TEXT[state.lang][key]; }
  function label(row) { return state.lang === 'en' ? row.labelEn : row.labelId; }
  function locale() { return state.lang === 'en' ? 'en-GB' : 'id-ID'; }
  function number(n) { return Number(n).toLocaleString(locale()); }
  function decimal(n) { return Number(n).toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }); }
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  /* data-* attributes carrying the API value of a shown number */
  function attrs(kind, key, value, suppressed) {
    return ' data-row="' + esc(kind) + '" data-key="' + esc(key) + '"' +
      (suppressed ? ' data-suppressed="true"' : ' data-value="' + esc(value) + '"');
  }
  function shown(value, suppressed) { return suppressed ? t('hidden') : number(value); }

  function api(path, extra) {
    var query = new URLSearchParams(extra || {});
    if (state.period !== 'all' && !query.has('period')) { query.set('period', state.period); }
    var url = 'api/v1/stats/' + path + (query.toString() ? '?' + query.toString() : '');
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function load() {
    var level = /^\d{4}-\d{2}$/.test(state.period) ? 'day' : 'month';
    return Promise.all([
      api('summary'), api('trend', { interval: level }), api('funnel'), api('response-times'), api('agencies'),
      api('counts/rating'), api('transfers'), api('trend', { interval: 'month', period: 'all' }),
      api('trend', { interval: 'year', period: 'all' })
    ]).then(function (r) {
      state.data = {
        summary: r[0], trend: r[1], funnel: r[2], times: r[3], agencies: r[4], ratings: r[5], transfers: r[6],
        months: r[7], years: r[8]
      };
    });
  }

  // --- charts ---------------------------------------------------------------------------------------------

  /* Horizontal bars: one row per value; hidden counts drawn as a grey stub marked <10. */
  function bars(kind, rows, width) {
    if (!rows.length) { return '<p>' + esc(t('noData')) + '</p>'; }
    var max = 1;
    rows.forEach(function (r) { if (!r.suppressed && r.count > max) { max = r.count; } });
    var rowHeight = 24, labelWidth = Math.round(width * 0.42), barWidth = width - labelWidth - 70;
    var svg = '<svg viewBox="0 0 ' + width + ' ' + (rows.length * rowHeight + 4) + '" width="100%" role="img">';
    rows.forEach(function (r, i) {
      var y = i * rowHeight + 2;
      var w = r.suppressed ? Math.max(8, barWidth * 0.04) : Math.max(r.count > 0 ? 2 : 0, barWidth * r.count / max);
      var full = label(r), maxChars = Math.floor(labelWidth / 6.6);
      var text = full.length > maxChars ? full.slice(0, maxChars - 1) + '\u2026' : full;
      svg += '<g' + attrs(kind, r.key, r.count, r.suppressed) + '><title>' + esc(full + ': ' + shown(r.count, r.suppressed)) + '</title>' +
        '<text x="' + (labelWidth - 6) + '" y="' + (y + 16) + '" text-anchor="end" font-size="12">' + esc(text) + '</text>' +
        '<rect class="' + (r.suppressed ? 'hidden-bar' : 'bar') + '" x="' + labelWidth + '" y="' + (y + 3) + '" width="' + w.toFixed(1) + '" height="' + (rowHeight - 8) + '"></rect>' +
        '<text x="' + (labelWidth + w + 6).toFixed(1) + '" y="' + (y + 16) + '" font-size="12">' + esc(shown(r.count, r.suppressed)) + '</text></g>';
    });
    return svg + '</svg>';
  }

  function trendChart(trend) {
    var buckets = trend.buckets;
    if (!buckets.length) { return '<p>' + esc(t('noData')) + '</p>'; }
    var width = 1200, height = 220, left = 50, bottom = 30;
    var max = 1;
    buckets.forEach(function (b) { if (!b.suppressed && b.count > max) { max = b.count; } });
    var step = (width - left) / buckets.length, barW = Math.max(2, step * 0.7);
    var svg = '<svg viewBox="0 0 ' + width + ' ' + height + '" width="100%" role="img">' +
      '<line x1="' + left + '" y1="' + (height - bottom) + '" x2="' + width + '" y2="' + (height - bottom) + '" stroke="#9aa8b3"></line>' +
      '<text x="' + (left - 6) + '" y="14" text-anchor="end" font-size="11">' + esc(number(max)) + '</text>';
    var labelEvery = Math.ceil(buckets.length / 12);
    buckets.forEach(function (b, i) {
      var h = b.suppressed ? Math.max(4, (height - bottom - 10) * 0.04) : (height - bottom - 10) * b.count / max;
      var x = left + i * step + (step - barW) / 2;
      svg += '<g' + attrs('trend', b.bucket, b.count, b.suppressed) + '><title>' + esc(b.bucket + ': ' + shown(b.count, b.suppressed)) + '</title>' +
        '<rect class="' + (b.suppressed ? 'hidden-bar' : 'bar') + '" x="' + x.toFixed(1) + '" y="' + (height - bottom - h).toFixed(1) + '" width="' + barW.toFixed(1) + '" height="' + h.toFixed(1) + '"></rect></g>';
      if (i % labelEvery === 0) {
        svg += '<text x="' + (x + barW / 2).toFixed(1) + '" y="' + (height - 10) + '" text-anchor="middle" font-size="11">' + esc(b.bucket) + '</text>';
      }
    });
    return svg + '</svg>';
  }

  function tiles(rows) {
    var byKey = {};
    var max = 1;
    rows.forEach(function (r) { byKey[r.key] = r; if (!r.suppressed && r.count > max) { max = r.count; } });
    var html = '<div class="tiles">';
    Object.keys(TILES).forEach(function (code) {
      var r = byKey[code] || { key: code, labelId: code, labelEn: code, count: 0, suppressed: false };
      var pos = TILES[code];
      var style = 'grid-row:' + (pos[0] + 1) + ';grid-column:' + (pos[1] + 1) + ';';
      if (!r.suppressed) {
        var share = r.count / max;
        style += 'background:rgba(11,110,79,' + (r.count > 0 ? (0.15 + 0.85 * share).toFixed(2) : '0.04') + ');' +
          (share > 0.55 ? 'color:#fff;' : '');
      }
      html += '<div class="tile' + (r.suppressed ? ' suppressed' : '') + '" style="' + style + '"' +
        attrs('province', code, r.count, r.suppressed) + ' title="' + esc(label(r)) + '">' +
        '<strong>' + esc(shown(r.count, r.suppressed)) + '</strong>' + esc(label(r)) + '</div>';
    });
    return html + '</div>';
  }

  function duration(d) {
    return d.sufficientSample ? decimal(d.medianHours) + ' ' + t('hours') : null;
  }

  function agencyTable(cards) {
    var sorted = cards.slice().sort(function (a, b) {
      var av = a.complaints.suppressed ? -1 : a.complaints.count, bv = b.complaints.suppressed ? -1 : b.complaints.count;
      return bv - av || a.agency.localeCompare(b.agency);
    }).slice(0, 15);
    if (!sorted.length) { return '<p>' + esc(t('noData')) + '</p>'; }
    var small = '<span class="small-sample">' + esc(t('sampleTooSmall')) + '</span>';
    var html = '<table><thead><tr><th>' + esc(t('agency')) + '</th><th class="num">' + esc(t('complaints')) + '</th><th>' +
      esc(t('sla')) + '</th><th class="num">' + esc(t('firstResponse')) + '</th><th class="num">' + esc(t('rating')) +
      '</th><th class="num">' + esc(t('transfersOut')) + '</th></tr></thead><tbody>';
    sorted.forEach(function (c) {
      var sla = c.slaCompliancePercent;
      var slaCell = sla.sufficientSample
        ? '<svg width="120" height="14" role="img"><rect x="0" y="2" width="100" height="10" fill="#e3e9ee"></rect>' +
          '<rect class="bar" x="0" y="2" width="' + sla.value + '" height="10"></rect></svg> ' + esc(number(sla.value)) + '%'
        : small;
      var out = c.transfersOut;
      html += '<tr' + attrs('agency', c.agency, c.complaints.count, c.complaints.suppressed) +
        (sla.sufficientSample ? ' data-sla="' + sla.value + '"' : ' data-sla-sample="too-small"') + '>' +
        '<td>' + esc(label(c)) + '</td><td class="num">' + esc(shown(c.complaints.count, c.complaints.suppressed)) + '</td>' +
        '<td>' + slaCell + '</td><td class="num">' + (duration(c.firstResponse) ? esc(duration(c.firstResponse)) : small) + '</td>' +
        '<td class="num">' + (c.ratingAverage.sufficientSample ? esc(decimal(c.ratingAverage.value)) + ' / 5' : small) + '</td>' +
        '<td class="num">' + (out ? esc(shown(out.count, out.suppressed)) : '') + '</td></tr>';
    });
    return html + '</tbody></table><p class="small-sample">' + esc(t('minSample').replace('{n}', state.data.agencies.about.minSample)) + '</p>';
  }

  function funnelChart(funnel) {
    return bars('funnel', funnel.stages.map(function (s) {
      return { key: s.stage, labelId: s.labelId, labelEn: s.labelEn, count: s.reached, suppressed: s.suppressed };
    }), 560);
  }

  function transferList(transfers) {
    var flows = transfers.flows.slice().sort(function (a, b) {
      var av = a.suppressed ? -1 : a.count, bv = b.suppressed ? -1 : b.count;
      return bv - av;
    }).slice(0, 10);
    var total = transfers.total;
    var html = '<p' + attrs('transfers', '*', total.count, total.suppressed) + '>' + esc(t('totalTransfers')) + ': <strong>' +
      esc(shown(total.count, total.suppressed)) + '</strong></p>';
    if (!flows.length) { return html; }
    return html + bars('flow', flows.map(function (f) {
      return { key: f.from + '>' + f.to, labelId: f.fromLabelId + ' → ' + f.toLabelId, labelEn: f.fromLabelEn + ' → ' + f.toLabelEn,
        count: f.count, suppressed: f.suppressed };
    }), 1200);
  }

  function topCategories(rows) {
    return rows.filter(function (r) { return r.suppressed || r.count > 0; }).sort(function (a, b) {
      var av = a.suppressed ? -1 : a.count, bv = b.suppressed ? -1 : b.count;
      return bv - av || a.key.localeCompare(b.key);
    }).slice(0, 10);
  }

  // --- page -----------------------------------------------------------------------------------------------

  function stat(name, value, suppressed, text) {
    var el = document.querySelector('[data-stat="' + name + '"]');
    el.removeAttribute('data-value');
    el.removeAttribute('data-suppressed');
    if (suppressed) { el.setAttribute('data-suppressed', 'true'); } else if (value !== null && value !== undefined) { el.setAttribute('data-value', value); }
    el.textContent = text;
  }

  function stageReached(stage) {
    return state.data.funnel.stages.filter(function (s) { return s.stage === stage; })[0];
  }

  function renderPeriods() {
    var select = document.getElementById('period');
    var options = ['<option value="all">' + esc(t('allTime')) + '</option>'];
    state.data.years.buckets.slice().reverse().forEach(function (b) {
      options.push('<option value="' + esc(b.bucket) + '">' + esc(b.bucket) + '</option>');
    });
    state.data.months.buckets.slice().reverse().forEach(function (b) {
      var name = new Date(b.start + 'T00:00:00').toLocaleDateString(locale(), { month: 'long', year: 'numeric' });
      options.push('<option value="' + esc(b.bucket) + '">' + esc(name) + '</option>');
    });
    select.innerHTML = options.join('');
    select.value = state.period;
  }

  function render() {
    var d = state.data;
    document.documentElement.lang = state.lang;
    document.title = t('title') + ' · Aduan';
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.getElementById('language').textContent = t('languageButton');
    renderPeriods();

    var total = d.summary.total;
    stat('total', total.count, total.suppressed, shown(total.count, total.suppressed));
    var responded = stageReached('RESPONDED'), closed = stageReached('CLOSED');
    stat('responded', responded.reached, responded.suppressed, shown(responded.reached, responded.suppressed));
    stat('closed', closed.reached, closed.suppressed, shown(closed.reached, closed.suppressed));
    var fr = d.times.firstResponse;
    stat('medianResponse', fr.sufficientSample ? fr.medianHours : null, false, fr.sufficientSample ? duration(fr) : t('sampleTooSmall'));
    var sla = d.times.slaCompliancePercent;
    stat('slaCompliance', sla.sufficientSample ? sla.value : null, false, sla.sufficientSample ? number(sla.value) + '%' : t('sampleTooSmall'));

    chart('trend', trendChart(d.trend));
    chart('categories', bars('category', topCategories(d.summary.byCategory), 560));
    chart('funnel', funnelChart(d.funnel));
    chart('provinces', tiles(d.summary.byProvince));
    chart('agencies', agencyTable(d.agencies.agencies));
    chart('channels', bars('channel', d.summary.byChannel, 560));
    chart('ratings', bars('rating', d.ratings.rows, 560));
    chart('transfers', transferList(d.transfers));

    var licence = document.getElementById('licence');
    licence.textContent = d.summary.about.licence.name;
    licence.href = d.summary.about.licence.url;
    document.getElementById('attribution').textContent = d.summary.about.licence.attribution;
    document.getElementById('generated').textContent = new Date(d.summary.about.generatedAt).toLocaleString(locale());
    document.querySelectorAll('[data-csv]').forEach(function (a) {
      a.href = 'api/v1/stats/' + a.getAttribute('data-csv') + '?format=csv' + (state.period === 'all' ? '' : '&period=' + encodeURIComponent(state.period));
    });
    // Where each chart is on the page, for tests that look at a screenshot.
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var r = el.getBoundingClientRect();
      el.setAttribute('data-rect', [Math.round(r.left + window.scrollX), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)].join(','));
    });
    document.body.setAttribute('data-ready', 'true');
  }

  function chart(name, html) {
    document.querySelector('[data-chart="' + name + '"]').innerHTML = html;
  }

  function refresh() {
    document.body.removeAttribute('data-ready');
    return load().then(render).catch(function (e) {
      document.querySelector('main').insertAdjacentHTML('afterbegin', '<p class="note" role="alert">' + esc(t('error')) + '</p>');
      document.body.setAttribute('data-ready', 'error');
      if (window.console) { window.console.error(e); }
    });
  }

  function remember() {
    var query = new URLSearchParams();
    if (state.period !== 'all') { query.set('period', state.period); }
    if (state.lang !== 'id') { query.set('lang', state.lang); }
    window.history.replaceState(null, '', window.location.pathname + (query.toString() ? '?' + query.toString() : ''));
  }

  document.getElementById('language').addEventListener('click', function () {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    remember();
    if (state.data) { render(); }
  });
  document.getElementById('period').addEventListener('change', function (e) {
    state.period = e.target.value;
    remember();
    refresh();
  });
  refresh();
}());

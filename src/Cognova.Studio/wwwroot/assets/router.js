// Hash routes, so a reload or a shared link restores the view:
//   #/table/{schema}/{table}?sort=<col>:<dir>&filter=<col>:<op>:<value>&row=<key JSON>
//   #/sql  #/diagram  #/migrations

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const question = raw.indexOf('?');
  const path = question < 0 ? raw : raw.slice(0, question);
  const query = new URLSearchParams(question < 0 ? '' : raw.slice(question + 1));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'table' && parts.length === 3) {
    return {
      view: 'table',
      schema: parts[1],
      table: parts[2],
      sort: query.getAll('sort').map(parseSort).filter(Boolean),
      filters: query.getAll('filter').map(parseFilter).filter(Boolean),
      row: parseRow(query.get('row')),
    };
  }
  if (['sql', 'diagram', 'migrations'].includes(parts[0])) return { view: parts[0] };
  return { view: 'home' };
}

function parseSort(text) {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return null;
  const direction = text.slice(colon + 1);
  return { column: text.slice(0, colon), direction: direction === 'desc' ? 'desc' : 'asc' };
}

// <col>:<op>:<value>: the value may hold colons itself (times, URLs), the column and the operator do not.
function parseFilter(text) {
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  if (first <= 0) return null;
  if (second < 0) return { column: text.slice(0, first), op: text.slice(first + 1), value: '' };
  return { column: text.slice(0, first), op: text.slice(first + 1, second), value: text.slice(second + 1) };
}

function parseRow(text) {
  if (!text) return null;
  try {
    const key = JSON.parse(text);
    return key && typeof key === 'object' ? key : null;
  } catch {
    return null;
  }
}

export function tableHref(schema, table, { sort = [], filters = [], row = null } = {}) {
  const query = new URLSearchParams();
  for (const s of sort) query.append('sort', `${s.column}:${s.direction}`);
  for (const f of filters) query.append('filter', `${f.column}:${f.op}:${f.value ?? ''}`);
  if (row) query.set('row', JSON.stringify(row));
  const text = query.toString();
  return `#/table/${encodeURIComponent(schema)}/${encodeURIComponent(table)}${text ? `?${text}` : ''}`;
}

export function onRouteChange(handler) {
  window.addEventListener('hashchange', () => handler(parseRoute()));
}

/** Changes the address without a new route event (the view already shows what it names). */
export function replaceHash(hash) {
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

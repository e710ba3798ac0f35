// The studio's HTTP API (docs/studio.md). Every value the server sends is kept as it came: cells are
// PostgreSQL's text, never turned into numbers or dates here.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `The server answered ${status}.`);
    this.status = status;
    this.body = body || {};
  }
}

async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { error: text.slice(0, 500) };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

function tablePath(schema, table) {
  return `/api/tables/${encodeURIComponent(schema)}/${encodeURIComponent(table)}`;
}

/** The query string for sort and filter lists: sort=<col>:asc|desc, filter=<col>:<op>:<value>. */
export function gridQuery({ sort = [], filters = [] } = {}) {
  const query = new URLSearchParams();
  for (const s of sort) query.append('sort', `${s.column}:${s.direction}`);
  for (const f of filters) query.append('filter', `${f.column}:${f.op}:${f.value ?? ''}`);
  return query;
}

export const api = {
  session: () => request('GET', '/api/session'),
  model: () => request('GET', '/api/model'),
  tables: () => request('GET', '/api/tables'),
  table: (schema, table) => request('GET', tablePath(schema, table)),
  rows(schema, table, { sort, filters, after, limit = 50 } = {}) {
    const query = gridQuery({ sort, filters });
    query.set('limit', String(limit));
    if (after) query.set('after', after);
    return request('GET', `${tablePath(schema, table)}/rows?${query}`);
  },
  count: (schema, table, filters = []) => request('GET', `${tablePath(schema, table)}/count?${gridQuery({ filters })}`),
  cell(schema, table, key, column) {
    const query = new URLSearchParams({ key: JSON.stringify(key), column });
    return request('GET', `${tablePath(schema, table)}/cell?${query}`);
  },
  preview: (changes) => request('POST', '/api/changes/preview', { changes }),
  apply: (changes) => request('POST', '/api/changes', { changes }),
  sql: (sql) => request('POST', '/api/sql', { sql }),
  migrations: () => request('GET', '/api/migrations'),
  tableExportUrl(schema, table, format, { sort, filters } = {}) {
    const query = gridQuery({ sort, filters });
    query.set('format', format);
    return `${tablePath(schema, table)}/export?${query}`;
  },
  async downloadQuery(sql, format) {
    const response = await fetch(`/api/sql/export?format=${encodeURIComponent(format)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sql }),
    });
    if (!response.ok) {
      let body = null;
      try { body = await response.json(); } catch { /* not JSON */ }
      throw new ApiError(response.status, body);
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `query.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  },
};

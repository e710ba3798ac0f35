// The SQL console: Ctrl+Enter (or Cmd+Enter) runs the text, the result is a grid of PostgreSQL's text,
// an error names its SQLSTATE and points at its position. The text is kept for the tab's life.
import { api } from './api.js';
import { h, clear, formatCount } from './dom.js';

const STORAGE_KEY = 'cognova-studio-sql';

export function showSql(main, context) {
  const editor = h('textarea', {
    class: 'sql-editor', spellcheck: 'false', rows: 8, 'aria-label': 'SQL', 'data-role': 'sql-text',
    placeholder: 'select * from information_schema.tables limit 10',
  });
  editor.value = sessionStorage.getItem(STORAGE_KEY) || '';
  const output = h('div', { class: 'sql-output', 'data-role': 'sql-output' });
  const run = async () => {
    const sql = editor.value;
    sessionStorage.setItem(STORAGE_KEY, sql);
    if (!sql.trim()) return;
    clear(output).append(h('p', { class: 'muted' }, 'Running…'));
    try {
      showResult(output, await api.sql(sql));
    } catch (error) {
      showError(output, editor, sql, error);
    }
  };
  const download = async (format) => {
    try {
      await api.downloadQuery(editor.value, format);
    } catch (error) {
      showError(output, editor, editor.value, error);
    }
  };
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  clear(main).append(
    h('h1', {}, 'SQL'),
    h('p', { class: 'muted' }, context.session.readOnly
      ? 'Runs in a read-only transaction: PostgreSQL refuses writes (start the studio with --write to change data).'
      : 'Runs against the database as written: changes are committed.'),
    editor,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'run-sql', onclick: run }, 'Run (Ctrl+Enter)'),
      h('button', { type: 'button', 'data-action': 'export-query-csv', onclick: () => download('csv') }, 'Export CSV'),
      h('button', { type: 'button', 'data-action': 'export-query-json', onclick: () => download('json') }, 'Export JSON')),
    output);
  editor.focus();
}

function showResult(output, result) {
  const summary = `${result.command || 'OK'}: ${formatCount(result.rowCount)} row${result.rowCount === 1 ? '' : 's'}`
    + (result.truncated ? ` (showing the first ${formatCount(result.rows.length)}; export for all of them)` : '');
  const table = result.columns && result.columns.length
    ? h('div', { class: 'grid-scroll' }, h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, result.columns.map((c) => h('th', {}, h('span', { class: 'column-name' }, c))))),
      h('tbody', {}, result.rows.map((row) => h('tr', {}, row.map((cell) => cellElement(cell)))))))
    : null;
  clear(output).append(h('p', { class: 'status success', 'data-role': 'sql-summary' }, summary), table);
}

function cellElement(cell) {
  if (cell === null || cell === undefined) return h('td', {}, h('span', { class: 'null' }, 'NULL'));
  if (typeof cell === 'object') return h('td', { class: 'truncated' }, cell.truncated, h('span', { class: 'ellipsis' }, '…'));
  return h('td', {}, cell);
}

// PostgreSQL's position is 1-based, in characters of the statement: show the line with a caret under it.
function showError(output, editor, sql, error) {
  const body = error.body || {};
  const parts = [h('p', { class: 'error', 'data-role': 'sql-error' }, body.sqlState ? `${body.sqlState}: ${error.message}` : error.message)];
  if (body.position) {
    const offset = Math.max(0, Math.min(sql.length, body.position - 1));
    const lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = sql.indexOf('\n', offset);
    const line = sql.slice(lineStart, lineEnd < 0 ? sql.length : lineEnd);
    const lineNumber = sql.slice(0, lineStart).split('\n').length;
    parts.push(h('pre', { class: 'error-position', 'data-role': 'sql-error-position' },
      `line ${lineNumber}: ${line}\n${' '.repeat(`line ${lineNumber}: `.length + offset - lineStart)}^`));
    editor.focus();
    editor.setSelectionRange(offset, Math.min(sql.length, offset + 1));
  }
  clear(output).append(...parts);
}

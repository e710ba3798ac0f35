// The cell editor: a value typed for its column (enum dropdown, foreign-key picker with search, JSON that
// accepts any JSON value, exact text for bigint/numeric), or an explicit NULL, empty string or DEFAULT.
// It hands back a change as the API takes it: { value: "text" } | { null: true } | { default: true }.
import { api } from './api.js';
import { h, openDialog } from './dom.js';
import { typeKind, validateValue, acceptsEmptyString, hasDefault } from './types.js';

/**
 * Opens the editor for one cell. `current` is the staged change or the stored value ({ value } / { null }),
 * full text already (the caller fetched a truncated value whole). `onStage(change)` receives the choice.
 */
export function openCellEditor({ column, current, onStage }) {
  const kind = typeKind(column);
  const input = valueInput(column, kind, current && current.value !== undefined ? current.value : '');
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  let close = () => {};
  const stage = (change) => {
    if (change.value !== undefined) {
      const problem = validateValue(column, change.value);
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        return;
      }
    }
    close();
    onStage(change);
  };
  const stageValue = () => stage({ value: input.read() });

  const picker = column.references ? foreignKeyPicker(column, (value) => { input.write(value); }) : null;
  const body = h('form', { class: 'editor', 'data-editor-for': column.name, onsubmit: (event) => { event.preventDefault(); stageValue(); } },
    h('p', { class: 'muted' }, `${column.type}${column.nullable ? '' : ' · not null'}${column.default ? ` · default ${column.default}` : ''}`),
    current && current.null ? h('p', { class: 'muted' }, 'Now: NULL') : null,
    current && current.default ? h('p', { class: 'muted' }, 'Now: DEFAULT') : null,
    input.element,
    picker,
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', 'data-action': 'stage-value' }, 'Stage value'),
      column.nullable ? h('button', { type: 'button', 'data-action': 'stage-null', onclick: () => stage({ null: true }) }, 'NULL') : null,
      acceptsEmptyString(column) ? h('button', { type: 'button', 'data-action': 'stage-empty', onclick: () => stage({ value: '' }) }, 'Empty string') : null,
      hasDefault(column) ? h('button', { type: 'button', 'data-action': 'stage-default', onclick: () => stage({ default: true }) }, 'DEFAULT') : null));
  close = openDialog(`Edit ${column.name}`, body, { className: 'editor-dialog' });
  input.focus();
}

function valueInput(column, kind, initial) {
  let element;
  if (kind === 'enum' || kind === 'boolean') {
    const options = kind === 'enum' ? column.enumLabels : ['true', 'false'];
    element = h('select', { name: 'value', 'aria-label': column.name },
      options.map((label) => h('option', { value: label }, label)));
    if (options.includes(initial)) element.value = initial;
  } else if (kind === 'json' || kind === 'array' || initial.length > 80 || initial.includes('\n')) {
    element = h('textarea', { name: 'value', rows: kind === 'json' ? 8 : 5, spellcheck: 'false', 'aria-label': column.name });
    element.value = initial;
  } else {
    const numeric = kind === 'integer' || kind === 'number';
    element = h('input', { name: 'value', type: 'text', inputmode: numeric ? 'decimal' : null, autocomplete: 'off', spellcheck: 'false', 'aria-label': column.name });
    element.value = initial;
  }
  return {
    element,
    read: () => element.value,
    write: (value) => { element.value = value; },
    focus: () => element.focus(),
  };
}

/** Searches the referenced table (a contains filter on a column the user picks) and fills in the key. */
function foreignKeyPicker(column, choose) {
  const target = column.references;
  const results = h('ul', { class: 'picker-results' });
  const searchColumn = h('select', { 'aria-label': 'Search in' }, h('option', { value: target.column }, target.column));
  const search = h('input', { type: 'search', placeholder: `Search ${target.table}…`, 'aria-label': `Search ${target.table}` });
  let timer = 0;
  let sequence = 0;

  const run = async () => {
    const mine = ++sequence;
    const text = search.value.trim();
    const filters = text ? [{ column: searchColumn.value, op: 'contains', value: text }] : [];
    try {
      const page = await api.rows(target.schema, target.table, { filters, limit: 20 });
      if (mine !== sequence) return;
      const keyIndex = page.columns.indexOf(target.column);
      results.replaceChildren(...page.rows.map((row) => {
        const value = cellText(row.cells[keyIndex]);
        const summary = row.cells.filter((_, i) => i !== keyIndex).slice(0, 3).map(cellText).join(' · ');
        return h('li', {},
          h('button', { type: 'button', class: 'link', 'data-pick': value, onclick: () => choose(value) },
            h('strong', {}, value), ' ', h('span', { class: 'muted' }, summary)));
      }));
      if (page.rows.length === 0) results.replaceChildren(h('li', { class: 'muted' }, 'No rows match.'));
    } catch (error) {
      results.replaceChildren(h('li', { class: 'error' }, error.message));
    }
  };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  searchColumn.addEventListener('change', run);

  // Offer the target's text columns too: finding a customer by name is the common case.
  api.table(target.schema, target.table).then((meta) => {
    for (const c of meta.columns) {
      if (c.name !== target.column && typeKind(c) === 'text') searchColumn.append(h('option', { value: c.name }, c.name));
    }
  }).catch(() => { /* the key column alone still works */ });
  run();

  return h('fieldset', { class: 'picker' },
    h('legend', {}, `Pick a row of ${target.schema}.${target.table}`),
    h('div', { class: 'row' }, searchColumn, search),
    results);
}

function cellText(cell) {
  if (cell === null || cell === undefined) return 'NULL';
  if (typeof cell === 'object') return `${cell.truncated}…`;
  return cell;
}

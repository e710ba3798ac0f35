// The table view: server-side sort and typed filters, keyset paging ("Load more" follows the cursor, so
// any depth is one index probe), the estimate at once and the exact count on demand, relations both ways,
// and staged edits saved in one transaction. Cells are shown exactly as the API sends them.
import { api } from './api.js';
import { h, clear, openDialog, formatCount } from './dom.js';
import { tableHref } from './router.js';
import { openCellEditor } from './editors.js';
import { operatorsFor, operatorLabel, operatorTakesValue, typeKind, isReadOnlyColumn } from './types.js';

const PAGE_SIZE = 50;

// Staged edits survive re-sorting and re-filtering the same table (each of those is a new route).
const stagedByTable = new Map();

function stagedFor(schema, table) {
  const id = `${schema}.${table}`;
  if (!stagedByTable.has(id)) stagedByTable.set(id, { updates: new Map(), deletes: new Map(), inserts: [] });
  return stagedByTable.get(id);
}

export function keyId(key) {
  return JSON.stringify(Object.keys(key).sort().map((name) => [name, key[name]]));
}

export async function showTable(main, route, context) {
  clear(main).append(h('p', { class: 'muted' }, 'Loading…'));
  let meta;
  try {
    meta = await api.table(route.schema, route.table);
  } catch (error) {
    clear(main).append(h('p', { class: 'error' }, error.message));
    return;
  }
  const view = new TableView(main, route, meta, context);
  await view.start();
}

class TableView {
  constructor(main, route, meta, context) {
    this.main = main;
    this.meta = meta;
    this.context = context;
    this.sort = route.sort;
    this.row = route.row;
    // A row link (row=<key>) is the table filtered to that key.
    this.filters = route.row
      ? [...route.filters, ...Object.entries(route.row).map(([column, value]) => ({ column, op: 'eq', value }))]
      : route.filters;
    this.rows = [];
    this.columnNames = meta.columns.map((c) => c.name);
    this.next = null;
    this.staged = stagedFor(meta.schema, meta.name);
    this.writable = !context.session.readOnly && meta.primaryKey.length > 0;
    this.columnsByName = new Map(meta.columns.map((c) => [c.name, c]));
    this.status = h('p', { class: 'status', role: 'status', 'data-role': 'status' });
  }

  async start() {
    this.body = h('tbody');
    this.loadMore = h('button', { type: 'button', 'data-action': 'load-more', onclick: () => this.fetchPage() }, 'Load more');
    this.loaded = h('span', { class: 'muted', 'data-role': 'loaded' });
    this.saveButton = h('button', { type: 'button', class: 'primary', 'data-action': 'save', onclick: () => this.save() });
    this.discardButton = h('button', { type: 'button', 'data-action': 'discard', onclick: () => this.discard() }, 'Discard');
    clear(this.main).append(
      this.header(),
      this.filterBar(),
      this.relations(),
      this.status,
      h('div', { class: 'grid-scroll' },
        h('table', { class: 'grid', 'data-table': `${this.meta.schema}.${this.meta.name}` }, this.headRow(), this.body)),
      h('div', { class: 'grid-foot' }, this.loaded, this.loadMore));
    this.updateSaveButton();
    await this.fetchPage();
  }

  // ----- header: names, estimate, count, export, edit actions

  header() {
    const { meta, context } = this;
    const entry = context.tables.find((t) => t.schema === meta.schema && t.name === meta.name);
    const entities = entry ? entry.entities : [];
    const count = h('span', { class: 'count', 'data-role': 'count' },
      meta.estimate === null || meta.estimate === undefined ? 'no estimate yet' : `≈ ${formatCount(meta.estimate)} rows (estimate)`);
    const countButton = h('button', {
      type: 'button', 'data-action': 'count',
      onclick: async () => {
        countButton.disabled = true;
        try {
          const result = await api.count(meta.schema, meta.name, this.filters);
          count.textContent = `${formatCount(result.count)} rows${this.filters.length ? ' match the filters' : ''} (exact)`;
        } catch (error) {
          count.textContent = error.message;
        } finally {
          countButton.disabled = false;
        }
      },
    }, 'Count exactly');
    const exportQuery = { sort: this.sort, filters: this.filters };
    return h('div', { class: 'table-head' },
      h('div', {},
        h('h1', {}, `${meta.schema}.${meta.name}`, ' ', h('span', { class: 'kind' }, meta.kind)),
        entities.length ? h('p', { class: 'entities' }, entities.map((e) => h('span', { class: 'entity', title: e.name }, `${e.clrName} (${e.context})`))) : null,
        h('p', {}, count, ' ', countButton)),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: api.tableExportUrl(meta.schema, meta.name, 'csv', exportQuery), download: `${meta.name}.csv`, 'data-action': 'export-csv' }, 'Export CSV'),
        h('a', { class: 'button', href: api.tableExportUrl(meta.schema, meta.name, 'json', exportQuery), download: `${meta.name}.json`, 'data-action': 'export-json' }, 'Export JSON'),
        this.writable ? [
          h('button', { type: 'button', 'data-action': 'add-row', onclick: () => this.addRow() }, 'Add row'),
          this.discardButton,
          this.saveButton,
        ] : h('span', { class: 'badge readonly', 'data-role': 'readonly-reason' },
          context.session.readOnly ? 'read-only' : 'no primary key: read-only')));
  }

  // ----- filters: one chip per filter, a typed form to add one, and a jump box for the key

  filterBar() {
    const chips = this.filters.map((filter, index) => h('span', { class: 'chip', 'data-filter': `${filter.column}:${filter.op}` },
      `${filter.column} ${operatorLabel(filter.op)}${operatorTakesValue(filter.op) ? ` ${filter.value}` : ''}`,
      h('button', { type: 'button', class: 'ghost', 'aria-label': 'Remove filter', onclick: () => this.go({ filters: this.filters.filter((_, i) => i !== index) }) }, '×')));

    const columnSelect = h('select', { 'aria-label': 'Filter column', 'data-role': 'filter-column' },
      this.meta.columns.map((c) => h('option', { value: c.name }, c.name)));
    const opSelect = h('select', { 'aria-label': 'Operator', 'data-role': 'filter-op' });
    const valueSlot = h('span', {});
    let valueInput = null;
    const refresh = () => {
      const column = this.columnsByName.get(columnSelect.value);
      const previous = opSelect.value;
      opSelect.replaceChildren(...operatorsFor(column).map((op) => h('option', { value: op }, operatorLabel(op))));
      if ([...opSelect.options].some((o) => o.value === previous)) opSelect.value = previous;
      const kind = typeKind(column);
      valueInput = kind === 'enum' || kind === 'boolean'
        ? h('select', { 'aria-label': 'Value', 'data-role': 'filter-value' },
          (kind === 'enum' ? column.enumLabels : ['true', 'false']).map((v) => h('option', { value: v }, v)))
        : h('input', { type: 'text', placeholder: column.type, 'aria-label': 'Value', 'data-role': 'filter-value' });
      valueInput.hidden = !operatorTakesValue(opSelect.value);
      valueSlot.replaceChildren(valueInput);
    };
    columnSelect.addEventListener('change', refresh);
    opSelect.addEventListener('change', () => { valueInput.hidden = !operatorTakesValue(opSelect.value); });
    refresh();
    const form = h('form', {
      class: 'filter-form',
      onsubmit: (event) => {
        event.preventDefault();
        const filter = { column: columnSelect.value, op: opSelect.value, value: operatorTakesValue(opSelect.value) ? valueInput.value : '' };
        this.go({ filters: [...this.filters, filter] });
      },
    }, columnSelect, opSelect, valueSlot, h('button', { type: 'submit', 'data-action': 'add-filter' }, 'Filter'));

    return h('div', { class: 'filter-bar' }, chips, form, this.jumpBox());
  }

  // With a one-column key, "start at" is a filter key >= value: keyset paging makes any depth as quick as the first page.
  jumpBox() {
    if (this.meta.primaryKey.length !== 1) return null;
    const key = this.meta.primaryKey[0];
    const input = h('input', { type: 'text', placeholder: key, 'aria-label': `Start at ${key}`, 'data-role': 'jump-value', size: 10 });
    return h('form', {
      class: 'jump',
      onsubmit: (event) => {
        event.preventDefault();
        if (!input.value.trim()) return;
        const filters = this.filters.filter((f) => !(f.column === key && f.op === 'ge'));
        this.go({ filters: [...filters, { column: key, op: 'ge', value: input.value.trim() }], sort: [{ column: key, direction: 'asc' }] });
      },
    }, h('label', {}, `Start at ${key} ≥ `, input), h('button', { type: 'submit', 'data-action': 'jump' }, 'Go'),
    h('button', { type: 'button', class: 'ghost', 'data-action': 'last', onclick: () => this.go({ filters: this.filters, sort: [{ column: key, direction: 'desc' }] }) }, 'Last rows'));
  }

  relations() {
    const { foreignKeys = [], referencedBy = [] } = this.meta;
    if (!foreignKeys.length && !referencedBy.length) return null;
    return h('div', { class: 'relations' },
      foreignKeys.length ? h('span', {}, 'References: ', foreignKeys.map((fk) =>
        h('a', { href: tableHref(fk.references.schema, fk.references.table), class: 'relation', title: fk.name },
          `${fk.columns.join(', ')} → ${fk.references.table}`))) : null,
      referencedBy.length ? h('span', {}, 'Referenced by: ', referencedBy.map((rb) =>
        h('a', { href: tableHref(rb.schema, rb.table), class: 'relation', title: rb.name }, `${rb.table}.${rb.columns.join(', ')}`))) : null);
  }

  go({ filters = this.filters, sort = this.sort }) {
    location.hash = tableHref(this.meta.schema, this.meta.name, { filters, sort });
  }

  // ----- the grid

  headRow() {
    const cells = this.meta.columns.map((column) => {
      const index = this.sort.findIndex((s) => s.column === column.name);
      const marker = index < 0 ? '' : this.sort[index].direction === 'asc' ? ' ▲' : ' ▼';
      return h('th', {
        'data-column': column.name,
        title: 'Sort (shift: add to the sort)',
        onclick: (event) => this.toggleSort(column.name, event.shiftKey),
      },
      h('span', { class: 'column-name' }, column.name, column.isKey ? h('span', { class: 'pk', title: 'Primary key' }, 'PK') : null, marker),
      column.property && column.property !== column.name ? h('span', { class: 'property' }, column.property) : null,
      h('span', { class: 'type' }, column.type));
    });
    return h('thead', {}, h('tr', {}, h('th', { class: 'row-actions' }, ''), cells,
      this.meta.referencedBy && this.meta.referencedBy.length ? h('th', { class: 'children' }, 'Referenced by') : null));
  }

  toggleSort(column, add) {
    const current = this.sort.find((s) => s.column === column);
    const rest = add ? this.sort.filter((s) => s.column !== column) : [];
    let sort;
    if (!current) sort = [...rest, { column, direction: 'asc' }];
    else if (current.direction === 'asc') sort = [...rest, { column, direction: 'desc' }];
    else sort = rest;
    this.go({ sort });
  }

  async fetchPage(reset = false) {
    if (reset) {
      this.rows = [];
      this.next = null;
    }
    this.loadMore.disabled = true;
    try {
      const page = await api.rows(this.meta.schema, this.meta.name, {
        sort: this.sort, filters: this.filters, after: this.next, limit: PAGE_SIZE,
      });
      this.columnNames = page.columns;
      this.rows.push(...page.rows);
      this.next = page.next;
      this.renderRows();
    } catch (error) {
      this.showStatus(error.message, 'error');
    } finally {
      this.loadMore.disabled = false;
      this.loadMore.hidden = !this.next;
      this.loaded.textContent = `${formatCount(this.rows.length)} rows loaded${this.next ? '' : ' (all)'}`;
    }
  }

  renderRows() {
    const trs = [];
    this.staged.inserts.forEach((insert, index) => trs.push(this.insertRow(insert, index)));
    for (const row of this.rows) trs.push(this.dataRow(row));
    this.body.replaceChildren(...trs);
    this.updateSaveButton();
  }

  valueOf(row, column) {
    const cell = row.cells[this.columnNames.indexOf(column)];
    return cell !== null && typeof cell === 'object' ? cell.truncated : cell;
  }

  dataRow(row) {
    const id = keyId(row.key);
    const update = this.staged.updates.get(id);
    const deleted = this.staged.deletes.has(id);
    const highlighted = this.row && keyId(this.row) === id;
    const actions = h('td', { class: 'row-actions' },
      h('a', { href: tableHref(this.meta.schema, this.meta.name, { row: row.key }), title: 'Link to this row', class: 'ghost' }, '#'),
      this.writable ? h('button', {
        type: 'button', class: 'ghost', 'data-action': 'delete-row', title: deleted ? 'Keep this row' : 'Delete this row',
        onclick: () => this.toggleDelete(row),
      }, deleted ? '↺' : '✕') : null);
    const cells = this.meta.columns.map((column) => {
      const index = this.columnNames.indexOf(column.name);
      const change = update && update.set[column.name];
      const td = h('td', { 'data-column': column.name, class: change ? 'staged' : null });
      if (change) this.renderChange(td, change);
      else this.renderCell(td, row.cells[index]);
      this.appendForeignKeyLink(td, column, row);
      td.addEventListener('click', (event) => {
        if (event.target.closest('a')) return;
        this.openCell(row, column);
      });
      return td;
    });
    const children = this.meta.referencedBy && this.meta.referencedBy.length
      ? h('td', { class: 'children' }, this.meta.referencedBy.map((rb) => this.childLink(rb, row)))
      : null;
    return h('tr', { 'data-key': JSON.stringify(row.key), class: [deleted ? 'deleted' : '', highlighted ? 'highlight' : ''].join(' ').trim() || null },
      actions, cells, children);
  }

  renderCell(td, cell) {
    if (cell === null || cell === undefined) {
      td.append(h('span', { class: 'null' }, 'NULL'));
    } else if (typeof cell === 'object') {
      td.classList.add('truncated');
      td.title = `${formatCount(cell.length)} characters: click to see it whole`;
      td.append(h('span', { class: 'value' }, cell.truncated), h('span', { class: 'ellipsis' }, '…'));
    } else {
      td.append(h('span', { class: 'value' }, cell));
    }
  }

  renderChange(td, change) {
    if (change.null) td.append(h('span', { class: 'null' }, 'NULL'));
    else if (change.default) td.append(h('span', { class: 'null' }, 'DEFAULT'));
    else if (change.value === '') td.append(h('span', { class: 'null' }, "''"));
    else td.append(h('span', { class: 'value' }, change.value));
  }

  // A foreign-key cell links to the referenced row: the target table filtered by the key it names.
  appendForeignKeyLink(td, column, row) {
    const fk = (this.meta.foreignKeys || []).find((f) => f.columns[0] === column.name)
      || (column.references ? { columns: [column.name], references: { schema: column.references.schema, table: column.references.table, columns: [column.references.column] } } : null);
    if (!fk) return;
    const values = fk.columns.map((c) => this.valueOf(row, c));
    if (values.some((v) => v === null || v === undefined)) return;
    const filters = fk.references.columns.map((c, i) => ({ column: c, op: 'eq', value: values[i] }));
    td.append(' ', h('a', {
      class: 'fk-link', 'data-fk': fk.references.table, title: `Open ${fk.references.schema}.${fk.references.table}`,
      href: tableHref(fk.references.schema, fk.references.table, { filters }),
    }, '→'));
  }

  // "Referenced by": the child table filtered by this row's key (the navigation's name when the model has one).
  childLink(rb, row) {
    const values = rb.referencedColumns.map((c) => this.valueOf(row, c));
    if (values.some((v) => v === null || v === undefined)) return null;
    const filters = rb.columns.map((c, i) => ({ column: c, op: 'eq', value: values[i] }));
    return h('a', { class: 'child-link', 'data-child': rb.table, href: tableHref(rb.schema, rb.table, { filters }) },
      this.navigationName(rb) || rb.table);
  }

  navigationName(rb) {
    const match = (this.meta.navigations || []).find((n) => !n.isOnDependent && n.targetTable === rb.table
      && (!n.targetSchema || n.targetSchema === rb.schema));
    return match ? match.name : null;
  }

  async openCell(row, column) {
    const id = keyId(row.key);
    const cell = row.cells[this.columnNames.indexOf(column.name)];
    const editable = this.writable && !isReadOnlyColumn(column) && !this.staged.deletes.has(id);
    let full = cell;
    if (cell !== null && typeof cell === 'object') {
      try {
        full = (await api.cell(this.meta.schema, this.meta.name, row.key, column.name)).value;
      } catch (error) {
        this.showStatus(error.message, 'error');
        return;
      }
    }
    if (!editable) {
      if (cell !== null && typeof cell === 'object') this.showValue(column, full);
      return;
    }
    const staged = this.staged.updates.get(id);
    const current = staged && staged.set[column.name] ? staged.set[column.name] : full === null ? { null: true } : { value: full };
    openCellEditor({
      column,
      current,
      onStage: (change) => {
        const update = this.staged.updates.get(id) || { key: row.key, xmin: row.xmin, set: {} };
        update.set[column.name] = change;
        this.staged.updates.set(id, update);
        this.renderRows();
      },
    });
  }

  showValue(column, value) {
    openDialog(`${column.name}`, h('pre', { class: 'full-value', 'data-role': 'full-value' }, value === null ? 'NULL' : value), { className: 'value-dialog' });
  }

  toggleDelete(row) {
    const id = keyId(row.key);
    if (this.staged.deletes.has(id)) this.staged.deletes.delete(id);
    else this.staged.deletes.set(id, { key: row.key, xmin: row.xmin });
    this.renderRows();
  }

  // ----- new rows: staged at the top of the grid, every cell DEFAULT until given a value

  addRow() {
    this.staged.inserts.unshift({ values: {} });
    this.renderRows();
  }

  insertRow(insert, index) {
    const cells = this.meta.columns.map((column) => {
      const change = insert.values[column.name];
      const td = h('td', { 'data-column': column.name, class: change ? 'staged' : 'pending' });
      if (change) this.renderChange(td, change);
      else td.append(h('span', { class: 'null' }, isReadOnlyColumn(column) || column.default || column.identity ? 'DEFAULT' : column.nullable ? 'NULL' : '(required)'));
      if (!isReadOnlyColumn(column)) {
        td.addEventListener('click', () => openCellEditor({
          column,
          current: change || { value: '' },
          onStage: (staged) => { insert.values[column.name] = staged; this.renderRows(); },
        }));
      }
      return td;
    });
    return h('tr', { class: 'new-row', 'data-new-row': String(index) },
      h('td', { class: 'row-actions' }, h('button', {
        type: 'button', class: 'ghost', title: 'Drop this new row', 'data-action': 'drop-new-row',
        onclick: () => { this.staged.inserts.splice(index, 1); this.renderRows(); },
      }, '×')),
      cells,
      this.meta.referencedBy && this.meta.referencedBy.length ? h('td', { class: 'children' }) : null);
  }

  // ----- saving: preview the SQL, then apply everything in one transaction

  changes() {
    const { schema, name: table } = this.meta;
    const list = [];
    for (const update of this.staged.updates.values()) {
      if (this.staged.deletes.has(keyId(update.key))) continue;
      list.push({ change: { kind: 'update', schema, table, key: update.key, xmin: update.xmin, set: update.set }, label: `update of ${describeKey(update.key)}` });
    }
    for (const deletion of this.staged.deletes.values()) {
      list.push({ change: { kind: 'delete', schema, table, key: deletion.key, xmin: deletion.xmin }, label: `delete of ${describeKey(deletion.key)}` });
    }
    for (const insert of [...this.staged.inserts].reverse()) {
      const values = {};
      for (const column of this.meta.columns) {
        if (isReadOnlyColumn(column)) continue;
        values[column.name] = insert.values[column.name] || { default: true };
      }
      list.push({ change: { kind: 'insert', schema, table, values }, label: 'new row' });
    }
    return list;
  }

  updateSaveButton() {
    const count = this.changes().length;
    this.saveButton.textContent = `Save ${count} change${count === 1 ? '' : 's'}`;
    this.saveButton.disabled = count === 0;
    this.discardButton.disabled = count === 0;
  }

  discard() {
    this.staged.updates.clear();
    this.staged.deletes.clear();
    this.staged.inserts.length = 0;
    this.renderRows();
    this.showStatus('Discarded the staged changes.');
  }

  async save() {
    const list = this.changes();
    if (!list.length) return;
    const changes = list.map((c) => c.change);
    let preview;
    try {
      preview = await api.preview(changes);
    } catch (error) {
      this.showStatus(error.message, 'error');
      return;
    }
    const result = h('p', { class: 'error', role: 'alert', 'data-role': 'save-error', hidden: true });
    const apply = h('button', { type: 'button', class: 'primary', 'data-action': 'apply' }, `Run ${changes.length} change${changes.length === 1 ? '' : 's'} in one transaction`);
    const close = openDialog('Save changes', h('div', { class: 'preview' },
      h('pre', { class: 'sql', 'data-role': 'preview-sql' }, preview.sql),
      result,
      h('div', { class: 'actions' }, apply)), { className: 'preview-dialog' });
    apply.addEventListener('click', async () => {
      apply.disabled = true;
      try {
        const applied = await api.apply(changes);
        close();
        this.staged.updates.clear();
        this.staged.deletes.clear();
        this.staged.inserts.length = 0;
        this.showStatus(`Saved: ${applied.applied} change${applied.applied === 1 ? '' : 's'} applied.`, 'success');
        await this.fetchPage(true);
      } catch (error) {
        const conflict = error.status === 409 && error.body.conflict;
        const failed = conflict ? list[conflict.index] : Number.isInteger(error.body.index) ? list[error.body.index] : null;
        const message = conflict
          ? `Conflict in the ${failed ? failed.label : `change ${conflict.index + 1}`}: ${conflict.message}`
          : failed ? `The ${failed.label} failed: ${error.message}` : error.message;
        result.textContent = message;
        result.hidden = false;
        this.showStatus(message, 'error', conflict ? 'conflict' : 'save-error');
        if (conflict && failed && failed.change.key) {
          // The way out: drop the edits of the row that moved and show its current values.
          apply.replaceWith(h('button', {
            type: 'button', class: 'primary', 'data-action': 'reload-conflict',
            onclick: async () => {
              close();
              const id = keyId(failed.change.key);
              this.staged.updates.delete(id);
              this.staged.deletes.delete(id);
              await this.fetchPage(true);
              this.showStatus(`Dropped your edits of ${describeKey(failed.change.key)} and reloaded its current values.`);
            },
          }, `Drop my edits of ${describeKey(failed.change.key)} and reload`));
        }
      }
    });
  }

  showStatus(message, tone = 'info', role = 'status') {
    this.status.textContent = message;
    this.status.className = `status ${tone}`;
    this.status.dataset.role = role;
  }
}

function describeKey(key) {
  return `row ${Object.entries(key).map(([name, value]) => `${name}=${value}`).join(', ')}`;
}

// The migrations panel: the migration history the studio read when it started (applied, pending, unknown),
// and drift, schema differences and the lock when it was handed the full status report.
import { api } from './api.js';
import { h, clear } from './dom.js';

export async function showMigrations(main) {
  clear(main).append(h('h1', {}, 'Migrations'), h('p', { class: 'muted' }, 'Loading…'));
  let status;
  try {
    status = await api.migrations();
  } catch (error) {
    main.lastChild.replaceWith(h('p', { class: 'error' }, error.message));
    return;
  }
  main.lastChild.remove();
  const reports = status === null || status === undefined ? [] : Array.isArray(status) ? status : status.contexts || [status];
  if (!reports.length) {
    main.append(h('p', { class: 'muted' }, 'No migration status: the studio was started without one.'));
    return;
  }
  main.append(h('p', { class: 'muted' }, 'The migration history as the studio read it at start.'));
  for (const report of reports) main.append(contextReport(report));
}

function contextReport(report) {
  if (!report || !Array.isArray(report.applied)) {
    return h('pre', { class: 'sql' }, JSON.stringify(report, null, 2));
  }
  const pending = new Set(report.pending || []);
  const unknown = new Set(report.unknown || []);
  const ids = [...(report.migrations || []), ...(report.unknown || [])];
  const rows = ids.map((id) => {
    const state = unknown.has(id) ? 'unknown' : pending.has(id) ? 'pending' : report.applied.includes(id) ? 'applied' : 'pending';
    return h('tr', { 'data-migration': id }, h('td', {}, h('span', { class: `state ${state}` }, state)), h('td', {}, id));
  });
  return h('section', { class: 'migrations', 'data-context': report.context || '' },
    h('h2', {}, report.context || 'Context'),
    h('p', {}, `${report.applied.length} applied, ${pending.size} pending${unknown.size ? `, ${unknown.size} unknown to the code` : ''}`),
    rows.length ? h('table', { class: 'grid compact' }, h('tbody', {}, rows)) : h('p', { class: 'muted' }, 'No migrations in the code.'),
    // The studio reads the history alone; the full status command adds drift, schema and lock.
    report.model ? modelSection(report.model) : null,
    report.schema ? schemaSection(report.schema) : null,
    report.lock ? lockSection(report.lock) : null,
    report.model || report.schema || report.lock ? null
      : h('p', { class: 'muted', 'data-role': 'status-hint' }, 'Model drift, hand-made schema changes and the lock: dotnet cognova status.'));
}

function modelSection(model) {
  const drift = model.drift || [];
  return [
    h('h3', {}, 'Model'),
    !model.hasMigrations ? h('p', { class: 'warning' }, 'No migrations yet: dotnet cognova generate InitialCreate')
      : drift.length ? [h('p', { class: 'warning' }, `${drift.length} change(s) no migration captures:`), h('ul', {}, drift.map((d) => h('li', {}, d)))]
        : h('p', { class: 'success' }, `Matches the snapshot of ${model.snapshotOf || 'the last migration'}.`),
  ];
}

function schemaSection(schema) {
  const differences = [...(schema.differences || []), ...(schema.unexplained || [])];
  return [
    h('h3', {}, 'Schema'),
    !schema.compared ? h('p', { class: 'muted' }, `Not compared${schema.skippedBecause ? `: ${schema.skippedBecause}` : ''}.`)
      : differences.length ? h('ul', {}, differences.map((d) => h('li', {}, d)))
        : h('p', { class: 'success' }, 'Matches what the applied migrations create.'),
  ];
}

function lockSection(lock) {
  return [
    h('h3', {}, 'Lock'),
    !lock.exists ? h('p', { class: 'muted' }, 'No lock file yet.')
      : (lock.problems || []).length ? h('ul', {}, lock.problems.map((p) => h('li', { class: 'error' }, `${p.code}: ${p.message}`)))
        : (lock.notLocked || []).length ? h('p', { class: 'warning' }, `Not locked: ${lock.notLocked.join(', ')}`)
          : h('p', { class: 'success' }, 'Every migration is locked.'),
  ];
}

// What a column's PostgreSQL type (format_type text) means for filtering and editing. Values stay text:
// bigint and numeric are validated as text and sent as text, never passed through a JS number.

const integerTypes = new Set(['smallint', 'integer', 'bigint']);
const textTypes = /^(text|character varying|character|varchar|char|citext|name|bpchar)\b/;
const numberTypes = /^(numeric|decimal|real|double precision|money)\b/;
const timeTypes = /^(timestamp|date|time|interval)\b/;

export function typeKind(column) {
  const type = (column.type || '').toLowerCase();
  if (column.enumLabels && column.enumLabels.length) return 'enum';
  if (type.endsWith('[]')) return 'array';
  if (integerTypes.has(type)) return 'integer';
  if (numberTypes.test(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'json' || type === 'jsonb') return 'json';
  if (type === 'uuid') return 'uuid';
  if (type === 'bytea') return 'bytea';
  if (timeTypes.test(type)) return 'time';
  if (textTypes.test(type)) return 'text';
  return 'other';
}

const operatorLabels = {
  eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥',
  contains: 'contains', startsWith: 'starts with', isNull: 'is NULL', notNull: 'is not NULL',
};

const operatorsByKind = {
  integer: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'isNull', 'notNull'],
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'isNull', 'notNull'],
  time: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'isNull', 'notNull'],
  text: ['contains', 'startsWith', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'isNull', 'notNull'],
  enum: ['eq', 'ne', 'isNull', 'notNull'],
  boolean: ['eq', 'ne', 'isNull', 'notNull'],
  uuid: ['eq', 'ne', 'startsWith', 'contains', 'isNull', 'notNull'],
  json: ['contains', 'eq', 'ne', 'isNull', 'notNull'],
  array: ['contains', 'eq', 'ne', 'isNull', 'notNull'],
  bytea: ['isNull', 'notNull'],
  other: ['eq', 'ne', 'contains', 'isNull', 'notNull'],
};

export function operatorsFor(column) {
  return operatorsByKind[typeKind(column)];
}

export function operatorLabel(op) {
  return operatorLabels[op] || op;
}

export function operatorTakesValue(op) {
  return op !== 'isNull' && op !== 'notNull';
}

/** Why a text cannot be a value of the column's type, or null when it can (the database checks again). */
export function validateValue(column, text) {
  switch (typeKind(column)) {
    case 'integer':
      return /^\s*[+-]?\d+\s*$/.test(text) ? null : `${column.name} takes a whole number (${column.type}).`;
    case 'number':
      return /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|NaN|[+-]?Infinity)\s*$/.test(text) || column.type === 'money'
        ? null : `${column.name} takes a number (${column.type}), such as 83261.85.`;
    case 'json':
      try {
        JSON.parse(text);
        return null;
      } catch (error) {
        return `${column.name} takes a JSON value (${error.message}). A string needs quotes: "hello".`;
      }
    case 'boolean':
      return /^(true|false)$/.test(text) ? null : `${column.name} takes true or false.`;
    case 'enum':
      return column.enumLabels.includes(text) ? null : `${column.name} takes one of: ${column.enumLabels.join(', ')}.`;
    default:
      return null;
  }
}

/** Columns the database computes: never edited (identity ALWAYS, generated). */
export function isReadOnlyColumn(column) {
  return column.generated || column.identity === 'always';
}

/** Whether an empty string is a value of the type (it is for text; for a number it is an error). */
export function acceptsEmptyString(column) {
  return ['text', 'other'].includes(typeKind(column));
}

export function hasDefault(column) {
  return (column.default !== null && column.default !== undefined) || !!column.identity || !!column.generated;
}

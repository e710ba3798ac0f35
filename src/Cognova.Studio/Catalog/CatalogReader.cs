using Npgsql;

namespace Cognova.Studio.Catalog;

/// <summary>Reads tables, columns and keys from PostgreSQL's catalog (<c>pg_class</c>, <c>pg_attribute</c>, <c>pg_constraint</c>).</summary>
internal sealed class CatalogReader(NpgsqlDataSource dataSource, ModelIndex model)
{
    // Every schema but the system's: pg_catalog, pg_toast, other sessions' temporary schemas (names starting
    // with pg_ are reserved) and information_schema.
    private const string Relations = """
        SELECT n.nspname, c.relname, c.relkind::text, c.reltuples::float8, c.oid
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p')
          AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
        """;

    private const string ColumnsQuery = """
        SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text,
               (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = a.atttypid)
        FROM pg_catalog.pg_attribute a
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    private const string PrimaryKeyQuery = """
        SELECT a.attname
        FROM pg_catalog.pg_constraint con
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        WHERE con.conrelid = $1 AND con.contype = 'p'
        ORDER BY k.position
        """;

    // Foreign keys both ways; a partition's copies of a partitioned table's key (conparentid) are left out.
    private const string ForeignKeysQuery = """
        SELECT con.conname, con.conrelid = $1,
               sn.nspname, s.relname,
               ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.position),
               tn.nspname, t.relname,
               ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position)
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class s ON s.oid = con.conrelid
        JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
        JOIN pg_catalog.pg_class t ON t.oid = con.confrelid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        WHERE con.contype = 'f' AND con.conparentid = 0 AND (con.conrelid = $1 OR con.confrelid = $1)
        ORDER BY con.conname
        """;

    public async Task<IReadOnlyList<TableSummary>> ListTablesAsync(CancellationToken cancellationToken)
    {
        var tables = new List<TableSummary>();
        await using var command = dataSource.CreateCommand(Relations);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (schema, name) = (reader.GetString(0), reader.GetString(1));
            tables.Add(new TableSummary(schema, name, KindOf(reader.GetString(2)), Estimate(reader.GetDouble(3)), model.EntitiesOf(schema, name)));
        }

        tables.Sort((a, b) => string.CompareOrdinal(a.Schema, b.Schema) is var bySchema and not 0 ? bySchema : string.CompareOrdinal(a.Name, b.Name));
        return tables;
    }

    /// <summary>The table's columns and keys, or a 404 when there is no such relation.</summary>
    public async Task<TableInfo> ReadTableAsync(string schema, string table, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        uint oid;
        string kind;
        double reltuples;
        await using (var command = new NpgsqlCommand(Relations + " AND n.nspname = $1 AND c.relname = $2", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new StudioRequestException(404, $"There is no table or view {schema}.{table}.");
            }

            (kind, reltuples, oid) = (KindOf(reader.GetString(2)), reader.GetDouble(3), reader.GetFieldValue<uint>(4));
        }

        var primaryKey = await ReadListAsync(connection, PrimaryKeyQuery, oid, cancellationToken).ConfigureAwait(false);
        var (foreignKeys, referencedBy) = await ReadForeignKeysAsync(connection, oid, cancellationToken).ConfigureAwait(false);
        var singleColumnReferences = foreignKeys
            .Where(k => k.Columns.Count == 1)
            .GroupBy(k => k.Columns[0])
            .ToDictionary(g => g.Key, g => g.First().References);

        var columns = new List<ColumnInfo>();
        await using (var command = new NpgsqlCommand(ColumnsQuery, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                var generated = reader.GetString(5).Length > 0;
                var property = model.PropertyOf(schema, table, name);
                columns.Add(new ColumnInfo(
                    name,
                    reader.GetString(1),
                    !reader.GetBoolean(2),
                    generated || reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4) switch { "a" => "always", "d" => "byDefault", _ => null },
                    generated,
                    primaryKey.Contains(name),
                    property?.Name,
                    property?.ClrType,
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<string[]>(6),
                    singleColumnReferences.TryGetValue(name, out var target) ? new ColumnReference(target.Schema, target.Table, target.Columns[0]) : null));
            }
        }

        return new TableInfo(schema, table, kind, Estimate(reltuples), primaryKey, columns, foreignKeys, referencedBy,
            model.EntitiesOf(schema, table), model.NavigationsOf(schema, table));
    }

    private static async Task<IReadOnlyList<string>> ReadListAsync(NpgsqlConnection connection, string sql, uint oid, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<(IReadOnlyList<ForeignKeyInfo> Outgoing, IReadOnlyList<ReferencingKeyInfo> Incoming)> ReadForeignKeysAsync(
        NpgsqlConnection connection, uint oid, CancellationToken cancellationToken)
    {
        var outgoing = new List<ForeignKeyInfo>();
        var incoming = new List<ReferencingKeyInfo>();
        await using var command = new NpgsqlCommand(ForeignKeysQuery, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Oid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            var columns = reader.GetFieldValue<string[]>(4);
            var referenced = reader.GetFieldValue<string[]>(7);
            if (reader.GetBoolean(1))
            {
                outgoing.Add(new ForeignKeyInfo(name, columns, new ForeignKeyTarget(reader.GetString(5), reader.GetString(6), referenced)));
            }

            // A table that references itself lists the key both ways.
            if (!reader.GetBoolean(1) || (reader.GetString(5), reader.GetString(6)) == (reader.GetString(2), reader.GetString(3)))
            {
                incoming.Add(new ReferencingKeyInfo(name, reader.GetString(2), reader.GetString(3), columns, referenced));
            }
        }

        return (outgoing, incoming);
    }

    private static string KindOf(string relkind) => relkind switch
    {
        "r" => "table",
        "v" => "view",
        "m" => "materializedView",
        "f" => "foreignTable",
        "p" => "partitionedTable",
        _ => relkind,
    };

    // reltuples is -1 for a table never vacuumed or analyzed (PostgreSQL 14 and later): no estimate.
    private static long? Estimate(double reltuples) => reltuples < 0 ? null : (long)reltuples;
}

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads a raw SQL text (the argument of <c>migrationBuilder.Sql(…)</c>) statement by statement into the shapes
/// the rules read: DDL that an EF Core operation can express becomes that operation (<see cref="DdlStatementReader"/>),
/// and what only raw SQL does becomes a <see cref="RawSqlHazard"/>: <c>DELETE</c> or <c>UPDATE</c> without a
/// top-level <c>WHERE</c>, <c>TRUNCATE</c>, other <c>DROP …</c>, transaction control. It also reads the queries of
/// a <c>WITH</c> clause and the body of a PL/pgSQL <c>DO</c> block, since both run. It does not read routine bodies
/// of <c>CREATE FUNCTION</c>/<c>PROCEDURE</c> (defining code does not run it) nor rule or prepared-statement
/// definitions. Limit: SQL built at run time is invisible to it, such as <c>EXECUTE 'DROP TABLE x'</c> or
/// <c>EXECUTE format(…)</c> in a <c>DO</c> body.
/// </summary>
public static class RawSqlAnalyzer
{
    public static IReadOnlyList<RawSqlOperation> Read(string sql)
    {
        var operations = new List<RawSqlOperation>();
        foreach (var statement in SqlStatementSplitter.Split(sql))
        {
            var count = operations.Count;
            new RawSqlStatementReader(statement, operations).Analyze(SqlTokenReader.Significant(statement.Tokens), 0);
            if (operations.Count == count)
            {
                operations.Add(new RawSqlOperation(new RawHazardOperation(new RawSqlHazard(RawSqlHazardKind.Other, statement, "", "")), statement));
            }
        }

        return operations;
    }

    /// <summary>Only the hazards of <see cref="Read"/>: what raw SQL does that no operation expresses.</summary>
    public static IReadOnlyList<RawSqlHazard> Analyze(string sql) =>
        Read(sql).Select(o => o.Operation).OfType<RawHazardOperation>().Select(h => h.Hazard).Where(h => h.Kind != RawSqlHazardKind.Other).ToList();
}

namespace Cognova.Build.Design.Lint.Sql;

/// <summary>
/// Finds the statements of a raw SQL text (the argument of <c>migrationBuilder.Sql(…)</c>) that can lose
/// data: <c>DELETE</c> or <c>UPDATE</c> without a top-level <c>WHERE</c>, <c>TRUNCATE</c>, <c>DROP …</c>
/// and <c>ALTER TABLE … DROP COLUMN</c>. It also reads the queries of a <c>WITH</c> clause and the body of
/// a PL/pgSQL <c>DO</c> block, since both run. It does not read routine bodies of <c>CREATE FUNCTION</c>/
/// <c>PROCEDURE</c> (defining code does not run it) nor rule or prepared-statement definitions.
/// Limit: SQL built at run time is invisible to it, such as <c>EXECUTE 'DROP TABLE x'</c> or
/// <c>EXECUTE format(…)</c> in a <c>DO</c> body.
/// </summary>
public static class RawSqlAnalyzer
{
    public static IReadOnlyList<RawSqlHazard> Analyze(string sql)
    {
        var hazards = new List<RawSqlHazard>();
        foreach (var statement in SqlStatementSplitter.Split(sql))
        {
            new RawSqlStatementReader(statement, hazards).Analyze(SqlTokenReader.Significant(statement.Tokens), 0);
        }

        return hazards;
    }
}

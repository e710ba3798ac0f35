using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// One thing a raw SQL text does, in the shape the rules read: an EF Core operation for DDL that has one
/// (<see cref="DdlStatementReader"/>), a <see cref="RawHazardOperation"/> for the rest. <paramref name="Statement"/>
/// is the top-level statement it comes from (for a <c>DO</c> body or a <c>WITH</c> query, that statement).
/// </summary>
public sealed record RawSqlOperation(MigrationOperation Operation, SqlStatement Statement);

/// <summary>A statement that only raw SQL can hold (DML without WHERE, TRUNCATE, other drops, transaction control).</summary>
public sealed class RawHazardOperation(RawSqlHazard hazard) : MigrationOperation
{
    public RawSqlHazard Hazard { get; } = hazard;
}

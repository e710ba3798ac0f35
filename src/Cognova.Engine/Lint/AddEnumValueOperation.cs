using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint;

/// <summary>
/// <c>ALTER TYPE t ADD VALUE 'v' [BEFORE | AFTER 'w']</c>: EF Core has no operation for it (Npgsql changes enums
/// through database annotations), so both raw SQL and the annotation change are read into this shape.
/// </summary>
public sealed class AddEnumValueOperation : MigrationOperation
{
    public string? Schema { get; init; }

    public required string Type { get; init; }

    public required string Value { get; init; }

    /// <summary>Where the value goes when not at the end: <c>BEFORE 'w'</c> or <c>AFTER 'w'</c>; null when appended.</summary>
    public string? Position { get; init; }
}

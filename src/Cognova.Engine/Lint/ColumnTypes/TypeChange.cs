namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// The classification of one column type change: the kind, the two store types as the migration
/// wrote them (trimmed; empty when EF Core gave none) and a plain sentence naming both types and saying why.
/// </summary>
public sealed record TypeChange(TypeChangeKind Kind, string OldType, string NewType, string Reason);

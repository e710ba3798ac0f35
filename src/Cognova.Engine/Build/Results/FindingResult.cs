using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;

namespace Cognova.Engine.Build.Results;

/// <summary>
/// A rule's finding placed at the operation of the migration's source that produced it, with the approval
/// that counts for it (null: open). <see cref="ApprovedWithoutReason"/>: the lock approves the statement
/// without a reason, which counts for nothing.
/// </summary>
public sealed record FindingResult(Finding Finding, SourceLocation Location, Approval? Approval, bool ApprovedWithoutReason)
{
    public bool IsApproved => Approval is not null;
}

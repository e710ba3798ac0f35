namespace Cognova.Engine.Lock;

/// <summary>
/// <c>CognovaApprove</c>: approve the findings of one migration (by id such as
/// <c>20240101120000_DropColor</c>, by name such as <c>DropColor</c>, or <c>*</c> for every migration
/// with findings), with the reason a reviewer gives.
/// </summary>
public sealed record ApprovalRequest(string Migration, string Reason)
{
    public bool Matches(string id, string name)
        => Migration == "*"
           || string.Equals(Migration, id, StringComparison.OrdinalIgnoreCase)
           || string.Equals(Migration, name, StringComparison.OrdinalIgnoreCase);
}

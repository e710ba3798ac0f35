using Cognova.Protocol;
namespace Cognova.Engine.Build;

/// <summary>
/// The reason of an approval: <c>--reason</c>, else the text of <c>--reason-file</c>, else the
/// <c>COGNOVA_APPROVE_REASON</c> environment variable. A file or a variable carries any text, where
/// MSBuild's <c>-p:</c> splits values at <c>,</c> and <c>;</c>.
/// </summary>
internal static class ApprovalReason
{
    public static string? Read(EngineRequest arguments)
    {
        if (arguments.Reason is { } given && given.Trim().Length > 0)
        {
            return given.Trim();
        }

        if (arguments.ReasonFile is { } file)
        {
            try
            {
                return File.ReadAllText(file).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ApprovalReasonException($"The approval's reason file cannot be read: {ex.Message} Write the reason into the file, or pass it with -p:CognovaApproveReason=\"…\".");
            }
        }

        return Environment.GetEnvironmentVariable(HistoryBaseline.ReasonVariable)?.Trim() is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }
}

/// <summary>The reason file named for an approval cannot be read; reported as COG3006.</summary>
internal sealed class ApprovalReasonException(string message) : Exception(message);

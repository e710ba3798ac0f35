using System;
using System.Linq;

namespace Cognova.Build.Tasks;

/// <summary>The project's warning settings, applied to one diagnostic code as the C# compiler applies them to its own.</summary>
internal static class WarningSettings
{
    /// <summary>
    /// Whether <c>TreatWarningsAsErrors</c> makes this warning an error: not when the code is in
    /// <c>NoWarn</c> (it is not shown at all) or in <c>WarningsNotAsErrors</c>.
    /// </summary>
    public static bool IsError(string code, bool treatWarningsAsErrors, string? noWarn, string? warningsNotAsErrors)
        => treatWarningsAsErrors && !Lists(code, noWarn) && !Lists(code, warningsNotAsErrors);

    private static bool Lists(string code, string? codes)
        => (codes ?? "")
            .Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Any(item => string.Equals(item.Trim(), code, StringComparison.OrdinalIgnoreCase));
}

using Cognova.Build.Design.Diagnostics;

namespace Cognova.Build.Design;

/// <summary>The settings of one <c>check</c> run, read from the command line the build writes.</summary>
public sealed record CheckSettings(DiagnosticSeverity DriftSeverity, IReadOnlyList<string> ContextNames)
{
    public static CheckSettings From(HostArguments arguments)
        => new(ParseCheckLevel("CognovaDriftCheck", arguments.Optional("drift") ?? "error"), arguments.List("context"));

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>off</c> (also <c>none</c>, <c>false</c>).</summary>
    public static DiagnosticSeverity ParseCheckLevel(string settingName, string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" or "true" => DiagnosticSeverity.Error,
        "warning" or "warn" => DiagnosticSeverity.Warning,
        "off" or "none" or "false" => DiagnosticSeverity.None,
        _ => throw new SettingException(settingName, value, "error, warning or off"),
    };
}

/// <summary>A setting has a value the build cannot use; reported as COG0005.</summary>
public sealed class SettingException(string setting, string value, string expected)
    : Exception($"{setting} has the value '{value}', which is not one of: {expected}.")
{
    public string Setting { get; } = setting;
}

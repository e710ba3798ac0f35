using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Lint;

namespace Cognova.Build.Design;

/// <summary>The settings of one <c>check</c> or <c>approve</c> run, read from the command line the build writes.</summary>
public sealed record CheckSettings(
    DiagnosticSeverity DriftSeverity,
    IReadOnlyList<string> ContextNames,
    bool SqlCheck,
    RuleSeverities RuleSeverities,
    bool LockCheck,
    bool LockReadOnly,
    string? LockFile,
    string? SarifLog,
    string? ReportJson,
    string? CacheDirectory = null)
{
    public const string DefaultLockFileName = "migrations.lock.json";

    public bool AnyCheck => DriftSeverity != DiagnosticSeverity.None || SqlCheck || LockCheck;

    public static CheckSettings From(HostArguments arguments) => new(
        ParseCheckLevel("CognovaDriftCheck", arguments.Optional("drift") ?? "error"),
        arguments.List("context"),
        ParseSwitch("CognovaSqlCheck", arguments.Optional("sql-check") ?? "true"),
        RuleSeverities.Parse(arguments.Optional("rule-severity")),
        ParseSwitch("CognovaLockCheck", arguments.Optional("lock-check") ?? "true"),
        arguments.Flag("locked-mode"),
        arguments.Optional("lock-file"),
        arguments.Optional("sarif"),
        arguments.Optional("report"),
        arguments.Optional("cache"));

    /// <summary>
    /// The settings of a bundle: every check on and failing, the lock read-only. Whatever the build's
    /// own settings, a bundle never carries drift, unreviewed destructive SQL or unlocked migrations.
    /// Per-rule severities still apply: a rule a team turned off stays off. No cache: every migration is
    /// generated and checked again.
    /// </summary>
    public static CheckSettings ForBundle(HostArguments arguments) => new(
        DiagnosticSeverity.Error,
        arguments.List("context"),
        SqlCheck: true,
        RuleSeverities.Parse(arguments.Optional("rule-severity")),
        LockCheck: true,
        LockReadOnly: true,
        arguments.Optional("lock-file"),
        SarifLog: null,
        ReportJson: null);

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>off</c> (also <c>none</c>, <c>false</c>).</summary>
    public static DiagnosticSeverity ParseCheckLevel(string settingName, string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" or "true" => DiagnosticSeverity.Error,
        "warning" or "warn" => DiagnosticSeverity.Warning,
        "off" or "none" or "false" => DiagnosticSeverity.None,
        _ => throw new SettingException(settingName, value, "error, warning or off"),
    };

    public static bool ParseSwitch(string settingName, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "error" => true,
        "false" or "off" or "none" => false,
        _ => throw new SettingException(settingName, value, "true or false"),
    };
}

/// <summary>A setting has a value the build cannot use; reported as COG0005.</summary>
public sealed class SettingException(string setting, string value, string expected)
    : Exception($"{setting} has the value '{value}', which is not one of: {expected}.")
{
    public string Setting { get; } = setting;
}

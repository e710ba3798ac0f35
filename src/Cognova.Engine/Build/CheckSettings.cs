using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Protocol;

namespace Cognova.Engine.Build;

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

    internal static CheckSettings From(EngineRequest arguments) => new(
        ParseCheckLevel("CognovaDriftCheck", arguments.DriftCheck ?? "error"),
        arguments.ContextNames,
        ParseSwitch("CognovaSqlCheck", arguments.SqlCheck ?? "true"),
        RuleSeverities.Parse(arguments.RuleSeverity),
        ParseSwitch("CognovaLockCheck", arguments.LockCheck ?? "true"),
        arguments.LockedMode,
        arguments.LockFile,
        arguments.SarifLog,
        arguments.ReportJson,
        arguments.CacheDirectory);

    /// <summary>
    /// The settings of a bundle: every check on and failing, the lock read-only. Whatever the build's
    /// own settings, a bundle never carries drift, unreviewed destructive SQL or unlocked migrations.
    /// Per-rule severities still apply: a rule a team turned off stays off. No cache: every migration is
    /// generated and checked again.
    /// </summary>
    internal static CheckSettings ForBundle(EngineRequest arguments) => new(
        DiagnosticSeverity.Error,
        arguments.ContextNames,
        SqlCheck: true,
        RuleSeverities.Parse(arguments.RuleSeverity),
        LockCheck: true,
        LockReadOnly: true,
        arguments.LockFile,
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

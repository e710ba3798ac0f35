using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Lint;

/// <summary>
/// The severity in force for each rule: its default, unless <c>CognovaRuleSeverity</c> says otherwise
/// (<c>COG2201=error;COG2103=none</c>; levels error, warning, info, none).
/// </summary>
public sealed class RuleSeverities
{
    private readonly Dictionary<string, DiagnosticSeverity> _overrides;

    private RuleSeverities(Dictionary<string, DiagnosticSeverity> overrides) => _overrides = overrides;

    public static RuleSeverities Defaults { get; } = new(new Dictionary<string, DiagnosticSeverity>());

    public DiagnosticSeverity For(RuleInfo rule) => _overrides.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;

    /// <summary>The overrides in a fixed order (<c>COG2102=Warning;COG2201=Error</c>): equal settings give equal text.</summary>
    public string Describe()
        => string.Join(";", _overrides.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Select(o => $"{o.Key.ToUpperInvariant()}={o.Value}"));

    public static RuleSeverities Parse(string? setting)
    {
        var overrides = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var rule = RuleCatalog.Find(parts[0]);
            if (parts.Length != 2 || rule is null)
            {
                throw new SettingException("CognovaRuleSeverity", entry, "CODE=level with a COG2xxx rule code, e.g. COG2201=error");
            }

            overrides[rule.Id] = parts[1].ToLowerInvariant() switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" or "warn" => DiagnosticSeverity.Warning,
                "info" or "suggestion" => DiagnosticSeverity.Info,
                "none" or "off" or "silent" => DiagnosticSeverity.None,
                _ => throw new SettingException("CognovaRuleSeverity", entry, "CODE=error, CODE=warning, CODE=info or CODE=none"),
            };
        }

        return new RuleSeverities(overrides);
    }
}

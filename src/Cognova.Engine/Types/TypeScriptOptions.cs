using System.Text.RegularExpressions;

namespace Cognova.Engine.Types;

/// <summary>What goes into the TypeScript file: which entities, and the types the user chose for some members or CLR types.</summary>
internal sealed record TypeScriptOptions
{
    /// <summary>Entity names (C# short or full name, <c>*</c> as a wildcard); empty: every entity.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary><c>Entity.Member</c> or a CLR type's full name, to a TypeScript type.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public bool Selects(string clrName, string fullName)
        => (Include.Count == 0 || Include.Any(p => Matches(p, clrName, fullName))) && !Exclude.Any(p => Matches(p, clrName, fullName));

    private static bool Matches(string pattern, string clrName, string fullName)
    {
        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        return regex.IsMatch(clrName) || regex.IsMatch(fullName);
    }

    /// <summary>Reads <c>CognovaTypeScriptOverrides</c>: <c>Entity.Member=type</c> or <c>Clr.Type=type</c> pairs separated by <c>;</c> or new lines.</summary>
    /// <exception cref="SettingException">A pair without <c>=</c> or without a type.</exception>
    public static IReadOnlyDictionary<string, string> ParseOverrides(string? text)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || entry[(equals + 1)..].Trim().Length == 0)
            {
                throw new SettingException("CognovaTypeScriptOverrides", entry, "Entity.Member=<TypeScript type> or Clr.Type.FullName=<TypeScript type>, separated by ;");
            }

            overrides[entry[..equals].Trim()] = entry[(equals + 1)..].Trim();
        }

        return overrides;
    }

    public static IReadOnlyList<string> ParseList(string? text)
        => (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

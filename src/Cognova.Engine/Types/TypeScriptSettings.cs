using Cognova.Protocol;

namespace Cognova.Engine.Types;

/// <summary>The TypeScript types a run produces: where (<c>CognovaTypeScriptOutput</c>), what, and whether it only compares.</summary>
internal sealed record TypeScriptSettings(string OutputPath, TypeScriptOptions Options, bool CompareOnly)
{
    /// <summary>The settings of a request; null when no output is configured (the types are off).</summary>
    /// <exception cref="SettingException">An override without a type.</exception>
    public static TypeScriptSettings? From(EngineRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.TypeScriptOutput))
        {
            return null;
        }

        var options = new TypeScriptOptions
        {
            Include = TypeScriptOptions.ParseList(request.TypeScriptInclude),
            Exclude = TypeScriptOptions.ParseList(request.TypeScriptExclude),
            Overrides = TypeScriptOptions.ParseOverrides(request.TypeScriptOverrides),
        };
        var path = Path.GetFullPath(Path.Combine(request.ProjectDirectory, request.TypeScriptOutput.Trim()));
        return new TypeScriptSettings(path, options, request.LockedMode || request.TypeScriptCheck);
    }
}

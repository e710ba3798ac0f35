using System.Runtime.InteropServices;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// Whether the host loads precompiled (ReadyToRun) images of the application's packages, and where they are kept.
/// The build passes its MSBuild properties (<c>CognovaReadyToRun</c>, <c>CognovaReadyToRunCache</c>) as these
/// environment variables; <c>dotnet cognova</c> and a host started by hand read the same ones.
/// </summary>
internal sealed record ReadyToRunSettings(bool Enabled, string CacheDirectory, string? Compiler)
{
    public const string EnabledVariable = "COGNOVA_READY_TO_RUN";
    public const string CacheVariable = "COGNOVA_READY_TO_RUN_CACHE";
    public const string CompilerVariable = "COGNOVA_READY_TO_RUN_COMPILER";

    /// <summary>
    /// The folder of this runtime's images: an image is native code for one runtime major version and one
    /// platform, so those name the folder, and a runtime upgrade starts a fresh one.
    /// </summary>
    public string ImageDirectory => Path.Combine(CacheDirectory, $"net{Environment.Version.Major}-{Platform.RuntimeIdentifier}");

    public static ReadyToRunSettings FromEnvironment(Func<string, string?> variable)
    {
        var enabled = variable(EnabledVariable)?.Trim();
        var off = enabled is not null
            && (enabled.Equals("false", StringComparison.OrdinalIgnoreCase) || enabled == "0"
                || enabled.Equals("off", StringComparison.OrdinalIgnoreCase));
        var cache = variable(CacheVariable);
        var compiler = variable(CompilerVariable);
        return new ReadyToRunSettings(
            !off,
            string.IsNullOrWhiteSpace(cache) ? DefaultCacheDirectory(variable) : Path.GetFullPath(cache.Trim()),
            string.IsNullOrWhiteSpace(compiler) ? null : compiler.Trim());
    }

    /// <summary>The user's cache folder: <c>%LOCALAPPDATA%\Cognova.Build\ReadyToRun</c>, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>.</summary>
    private static string DefaultCacheDirectory(Func<string, string?> variable)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Cognova.Build", "ReadyToRun");
        }

        var xdg = variable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg) || !Path.IsPathRooted(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "cognova-build", "ready-to-run");
    }
}

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// Finds the ReadyToRun compiler: the one the settings name, else crossgen2 from its NuGet package
/// (<c>microsoft.netcore.app.crossgen2.&lt;rid&gt;</c>, the one <c>PublishReadyToRun</c> restores) in the NuGet
/// package folders, the newest of this runtime's major version.
/// </summary>
internal static class CompilerLocator
{
    public static string? Find(string? configured, IEnumerable<string> packageFolders)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var executable = OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";
        var package = "microsoft.netcore.app.crossgen2." + Platform.RuntimeIdentifier;
        return packageFolders
            .Select(folder => Path.Combine(folder, package))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(versionFolder => (Folder: versionFolder, Version: ReleaseVersion(Path.GetFileName(versionFolder))))
            .Where(candidate => candidate.Version?.Major == Environment.Version.Major)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "tools", executable))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The NuGet package folders this host probes (<c>--additionalprobingpath</c>), else the user's default one.</summary>
    public static IReadOnlyList<string> PackageFolders()
    {
        var probing = (AppContext.GetData("PROBING_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (probing.Length > 0)
        {
            return probing;
        }

        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return [string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
            : configured];
    }

    /// <summary>"10.0.12" and "10.0.0-rc.2.25502.107" as versions (a prerelease ranks as its release); null for other folders.</summary>
    private static Version? ReleaseVersion(string folderName)
    {
        var release = folderName.Split('-', 2)[0];
        return Version.TryParse(release, out var version) ? version : null;
    }
}

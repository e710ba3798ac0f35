namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// The assemblies the .NET host put on the trusted list for this process (from the application's deps.json):
/// the shared framework's, which stay with the default load context, and the application's (its packages
/// and projects), which the host's load context serves.
/// </summary>
internal sealed class TrustedAssemblies
{
    private readonly Dictionary<string, string> _applicationAssemblies;

    private TrustedAssemblies(Dictionary<string, string> applicationAssemblies, IReadOnlyList<string> frameworkAssemblies)
    {
        _applicationAssemblies = applicationAssemblies;
        FrameworkAssemblies = frameworkAssemblies;
    }

    /// <summary>The shared frameworks' files (the compiler's references).</summary>
    public IReadOnlyList<string> FrameworkAssemblies { get; }

    /// <summary>The application's files by simple name.</summary>
    public IReadOnlyDictionary<string, string> ApplicationAssemblies => _applicationAssemblies;

    public static TrustedAssemblies FromAppContext()
        => Parse(AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "", SharedFrameworksDirectory());

    /// <summary>Splits the trusted list: a file under <paramref name="sharedFrameworks"/> belongs to a shared framework.</summary>
    public static TrustedAssemblies Parse(string trustedList, string sharedFrameworks)
    {
        var root = sharedFrameworks.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var application = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var framework = new List<string>();
        foreach (var path in trustedList.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (path.StartsWith(root, StringComparison.Ordinal))
            {
                framework.Add(path);
            }
            else
            {
                application.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return new TrustedAssemblies(application, framework);
    }

    public bool TryGetApplicationAssembly(string name, out string path) => _applicationAssemblies.TryGetValue(name, out path!);

    /// <summary><c>dotnet/shared</c>: the parent of every shared framework's version folders (System.Private.CoreLib lives in one).</summary>
    private static string SharedFrameworksDirectory()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory)!)!;
    }
}

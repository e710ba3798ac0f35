using System.Globalization;

namespace Cognova.Build.Testing.Postgres;

/// <summary>
/// Where the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) are: first on
/// PATH, then the highest version under <c>/usr/lib/postgresql/*/bin</c> (where Debian and Ubuntu put
/// them without adding them to PATH).
/// </summary>
public sealed record PostgresBinaries(string BinDirectory, string InitDb, string PgCtl, string Postgres)
{
    private static readonly string ExeSuffix = OperatingSystem.IsWindows() ? ".exe" : string.Empty;

    /// <summary>The programs, or null when no folder holds all three.</summary>
    public static PostgresBinaries? Find()
    {
        foreach (var directory in CandidateDirectories())
        {
            var found = InDirectory(directory);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var entry in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initDb = Path.Combine(entry, "initdb" + ExeSuffix);
            if (!File.Exists(initDb))
            {
                continue;
            }

            // /usr/local/bin/initdb is often a link into the real bin folder, which also has postgres.
            var target = new FileInfo(initDb).ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null && Path.GetDirectoryName(target.FullName) is { } real)
            {
                yield return real;
            }

            yield return entry;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(v => v.Version is not null)
                .OrderByDescending(v => v.Version);
            foreach (var version in versions)
            {
                yield return Path.Combine(version.Directory, "bin");
            }
        }
    }

    private static PostgresBinaries? InDirectory(string directory)
    {
        var initDb = Path.Combine(directory, "initdb" + ExeSuffix);
        var pgCtl = Path.Combine(directory, "pg_ctl" + ExeSuffix);
        var postgres = Path.Combine(directory, "postgres" + ExeSuffix);
        return File.Exists(initDb) && File.Exists(pgCtl) && File.Exists(postgres)
            ? new PostgresBinaries(Path.GetFullPath(directory), initDb, pgCtl, postgres)
            : null;
    }

    private static Version? ParseVersion(string name)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(name, out var version) ? version : null;
    }
}

namespace Cognova.Bundle;

/// <summary>
/// The bundle's command line. Compatible with EF Core's bundle
/// (<c>efbundle [&lt;MIGRATION&gt;] [--connection &lt;cs&gt;] [--verbose] [--no-color] [--prefix-output]</c>),
/// plus <c>status</c>, <c>script</c>, <c>--json</c>, <c>--lock-timeout</c>, <c>--skip-if-locked</c>, <c>--allow-unknown</c>.
/// </summary>
public sealed class BundleArguments
{
    public string Command { get; private init; } = "migrate";

    public string? TargetMigration { get; private init; }

    public string? Connection { get; private init; }

    public bool Verbose { get; private init; }

    public bool NoColor { get; private init; }

    public bool PrefixOutput { get; private init; }

    public bool Json { get; private init; }

    public bool SkipIfLocked { get; private init; }

    public bool AllowUnknown { get; private init; }

    public bool Help { get; private init; }

    public TimeSpan LockTimeout { get; private init; } = TimeSpan.FromMinutes(5);

    public static BundleArguments Parse(IReadOnlyList<string> args)
    {
        string command = "migrate";
        string? target = null;
        string? connection = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var lockTimeout = TimeSpan.FromMinutes(5);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--connection":
                    connection = Value(args, ref i, arg);
                    break;
                case "--lock-timeout":
                    lockTimeout = ParseDuration(Value(args, ref i, arg));
                    break;
                case "-v" or "--verbose" or "--no-color" or "--prefix-output" or "--json" or "--skip-if-locked" or "--allow-unknown" or "-h" or "--help" or "-?":
                    flags.Add(arg);
                    break;
                case "status" or "script" when command == "migrate" && target is null:
                    command = arg;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new BundleUsageException($"Unknown option '{arg}'. Run with --help to see the options.");
                    }

                    if (target is not null)
                    {
                        throw new BundleUsageException($"Unexpected argument '{arg}': give at most one target migration.");
                    }

                    target = arg;
                    break;
            }
        }

        return new BundleArguments
        {
            Command = command,
            TargetMigration = target,
            Connection = connection,
            Verbose = flags.Contains("-v") || flags.Contains("--verbose"),
            NoColor = flags.Contains("--no-color"),
            PrefixOutput = flags.Contains("--prefix-output"),
            Json = flags.Contains("--json"),
            SkipIfLocked = flags.Contains("--skip-if-locked"),
            AllowUnknown = flags.Contains("--allow-unknown"),
            Help = flags.Contains("-h") || flags.Contains("--help") || flags.Contains("-?"),
            LockTimeout = lockTimeout,
        };
    }

    public const string Usage = """
        Usage: efbundle [<MIGRATION>] [options]
               efbundle status [options]
               efbundle script [<MIGRATION>] [options]

        Applies the application's pending migrations under a PostgreSQL advisory lock, one
        transaction per migration. <MIGRATION> is the target migration (by id or name); 0 reverts all.

        Options:
          --connection <CONNECTION>  The connection string (key=value or postgres:// URL). Default:
                                     DATABASE_URL, then ConnectionStrings__<Name>, then the app's configuration.
          --lock-timeout <DURATION>  How long to wait for another run's lock (default 5m; e.g. 90s, 2m, 00:01:30).
          --skip-if-locked           Exit 0 at once when another run holds the lock.
          --allow-unknown            Run although the database has migrations this bundle does not know.
          --json                     Machine-readable output.
          -v, --verbose              Show more.
          --no-color                 No colours.
          --prefix-output            Prefix every line with its level.

        Exit codes: 0 success (also nothing to do), 1 a migration failed, 2 usage or configuration error,
                    3 lock not acquired within the timeout, 4 database unreachable or credentials refused.
        """;

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
        => i + 1 < args.Count ? args[++i] : throw new BundleUsageException($"Option '{option}' needs a value.");

    private static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim();
        if (TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) && value.Contains(':'))
        {
            return span;
        }

        var unit = value.Length > 0 ? value[^1] : ' ';
        var number = char.IsLetter(unit) ? value[..^1] : value;
        if (double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return unit switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        throw new BundleUsageException($"--lock-timeout '{text}' is not a duration (e.g. 90s, 2m, 00:01:30).");
    }
}

/// <summary>Bad arguments or configuration: exit code 2 with one clear line.</summary>
public sealed class BundleUsageException(string message) : Exception(message);

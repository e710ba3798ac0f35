namespace Cognova.Cli;

/// <summary>
/// The tool's command line: <c>dotnet cognova &lt;command&gt; [arguments] [options]</c>. Options take
/// <c>--name value</c> or <c>--name=value</c>; each command accepts the common options and its own.
/// Parsed by hand: a few dozen lines are clearer (and start faster) than a parsing library.
/// </summary>
public sealed class CommandLine
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["-p"] = "--project",
        ["-s"] = "--startup-project",
        ["-c"] = "--context",
        ["-v"] = "--verbose",
        ["-h"] = "--help",
        ["-?"] = "--help",
        ["-o"] = "--output",
    };

    private static readonly HashSet<string> CommonValues = ["--project", "--startup-project", "--context", "--configuration", "--framework"];
    private static readonly HashSet<string> CommonFlags = ["--no-build", "--verbose", "--no-color", "--help"];

    /// <summary>Each command: its positional arguments, the options that take a value, and its flags.</summary>
    private static readonly Dictionary<string, (string[] Positionals, string[] Values, string[] Flags)> Commands = new(StringComparer.Ordinal)
    {
        ["status"] = ([], ["--connection"], ["--json"]),
        ["migrate"] = (["target"], ["--connection", "--lock-timeout"], ["--skip-if-locked", "--allow-unknown", "--json"]),
        ["generate"] = (["name"], [], []),
        ["review"] = (["migration"], ["--approve", "--reason"], []),
        ["baseline"] = ([], ["--reason", "--reason-file"], []),
        ["push"] = ([], ["--connection"], ["--force", "--dry-run", "--allow-production"]),
        ["script"] = (["from", "to"], ["--output"], ["--plain"]),
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _positionals = new(StringComparer.Ordinal);

    private CommandLine(string command) => Command = command;

    /// <summary>The command, or empty when none was given (with <c>--help</c> or nothing at all).</summary>
    public string Command { get; }

    public static IReadOnlyCollection<string> CommandNames => Commands.Keys;

    public bool Help => _flags.Contains("--help");

    public bool NoBuild => _flags.Contains("--no-build");

    public bool Verbose => _flags.Contains("--verbose");

    public bool NoColor => _flags.Contains("--no-color");

    public string? Value(string option) => _values.TryGetValue(option, out var value) ? value : null;

    public bool Flag(string option) => _flags.Contains(option);

    public string? Positional(string name) => _positionals.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every option the command got except the tool's own, to pass on to the design host.</summary>
    public IEnumerable<(string Name, string? Value)> CommandOptions()
        => _values.Where(v => !CommonValues.Contains(v.Key)).Select(v => (v.Key, (string?)v.Value))
            .Concat(_flags.Where(f => !CommonFlags.Contains(f)).Select(f => (f, (string?)null)));

    /// <exception cref="CommandLineException">The arguments do not fit the command.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new CommandLine("") { _flags = { "--help" } };
        }

        var first = Normalize(args[0]);
        if (first == "--help")
        {
            return new CommandLine("") { _flags = { "--help" } };
        }

        if (!Commands.TryGetValue(first, out var spec))
        {
            throw new CommandLineException(first.StartsWith('-')
                ? $"Give a command first, e.g. dotnet cognova status (got '{args[0]}')."
                : $"Unknown command '{args[0]}'. The commands are: {string.Join(", ", Commands.Keys)}.");
        }

        var line = new CommandLine(first);
        var positional = 0;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-" || IsNumber(arg))
            {
                if (positional >= spec.Positionals.Length)
                {
                    throw new CommandLineException($"Unexpected argument '{arg}': {first} takes {Describe(spec.Positionals)}.");
                }

                line._positionals[spec.Positionals[positional++]] = arg;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = Normalize(equals > 0 ? arg[..equals] : arg);
            if (CommonValues.Contains(name) || spec.Values.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new CommandLineException($"Option '{name}' needs a value.");
                }

                line._values[name] = value;
            }
            else if ((CommonFlags.Contains(name) || spec.Flags.Contains(name)) && equals < 0)
            {
                line._flags.Add(name);
            }
            else
            {
                throw new CommandLineException($"Unknown option '{arg}' for {first}. Run dotnet cognova {first} --help to see its options.");
            }
        }

        return line;
    }

    private static string Normalize(string arg) => Aliases.TryGetValue(arg, out var full) ? full : arg;

    private static bool IsNumber(string arg) => arg.Length > 1 && arg[1..].All(char.IsDigit);

    private static string Describe(string[] positionals)
        => positionals.Length == 0 ? "no arguments" : string.Join(" ", positionals.Select(p => $"[<{p}>]"));
}

/// <summary>The command line does not fit: exit code 2 with one clear line.</summary>
public sealed class CommandLineException(string message) : Exception(message);

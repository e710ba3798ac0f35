namespace Cognova.Build.Design;

/// <summary>
/// The host's command line: a command name, then <c>--name value</c> pairs and <c>--flag</c> switches.
/// The build task writes it; people normally never type it.
/// </summary>
public sealed class HostArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    private HostArguments(string command)
    {
        Command = command;
    }

    public string Command { get; }

    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("the first argument must be a command, such as 'check'");
        }

        var parsed = new HostArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._values[name] = args[++i];
            }
            else
            {
                parsed._flags.Add(name);
            }
        }

        return parsed;
    }

    public string Required(string name)
        => _values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new UsageException($"missing --{name}");

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>A semicolon- or comma-separated list, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> List(string name)
        => Optional(name)?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>The host was called with arguments it does not understand.</summary>
public sealed class UsageException(string message) : Exception(message);

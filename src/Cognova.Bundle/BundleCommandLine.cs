using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Cognova.Migrations.Tooling;

namespace Cognova.Bundle;

/// <summary>
/// The bundle's command line, compatible with EF Core's bundle
/// (<c>efbundle [&lt;MIGRATION&gt;] [--connection &lt;cs&gt;] [--verbose] [--no-color] [--prefix-output]</c>), plus
/// <c>status</c>, <c>script</c>, <c>--json</c>, <c>--lock-timeout</c>, <c>--skip-if-locked</c> and <c>--allow-unknown</c>.
/// Options go before or after a command, as <c>--name value</c> or <c>--name=value</c>.
/// </summary>
public sealed class BundleCommandLine
{
    private const string ExitCodeTable = """
        Exit codes: 0 success (also nothing to do), 1 a migration failed, 2 usage or configuration error,
                    3 lock not acquired within the timeout, 4 database unreachable or credentials refused.
        """;

    private readonly RootCommand _root;

    private readonly Argument<string?> _target = new("MIGRATION")
    {
        Description = "The target migration (by id or name); 0 reverts all. Default: the latest.",
        Arity = ArgumentArity.ZeroOrOne,

        // In the description instead: a visible argument of the root would show in the usage of each command.
        Hidden = true,
    };

    private readonly Argument<string?> _scriptTarget = new("MIGRATION")
    {
        Description = "The last migration to script (by id or name). Default: the latest.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "The connection string (key=value or postgres:// URL). Default: DATABASE_URL, then ConnectionStrings__<Name>, then the app's configuration.",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    private readonly Option<TimeSpan> _lockTimeout = new("--lock-timeout")
    {
        Description = "How long to wait for another run's lock (e.g. 90s, 2m, 00:01:30).",
        HelpName = "DURATION",
        Recursive = true,
        DefaultValueFactory = _ => BundleArguments.DefaultLockTimeout,
        CustomParser = ParseDuration,
    };

    private readonly Option<bool> _skipIfLocked = Flag("--skip-if-locked", "Exit 0 at once when another run holds the lock.");
    private readonly Option<bool> _allowUnknown = Flag("--allow-unknown", "Run although the database has migrations this bundle does not know.");
    private readonly Option<bool> _json = Flag("--json", "Machine-readable output.");
    private readonly Option<bool> _verbose = Flag("--verbose", "Show more.", "-v");
    private readonly Option<bool> _noColor = Flag("--no-color", "No colours.");
    private readonly Option<bool> _prefixOutput = Flag("--prefix-output", "Prefix every line with its level.");

    public BundleCommandLine()
    {
        _root = new RootCommand("""
            efbundle [<MIGRATION>] [options]: applies the application's pending migrations under a PostgreSQL
            advisory lock, one transaction per migration. <MIGRATION> is the target migration (by id or name);
            0 reverts all.
            """)
        {
            _target, _connection, _lockTimeout, _skipIfLocked, _allowUnknown, _json, _verbose, _noColor, _prefixOutput,
        };
        var status = new Command("status", "Shows the applied, pending and unknown-to-this-bundle migrations.");
        var script = new Command("script", "Prints the SQL of the pending migrations, without applying them.") { _scriptTarget };
        _root.Subcommands.Add(status);
        _root.Subcommands.Add(script);

        // Each command has an action, so that help and directives can tell it apart; Read reads it instead of invoking it.
        foreach (var command in new[] { _root, status, script })
        {
            command.SetAction(_ => ExitCodes.Success);
        }

        _target.Validators.Add(NotAnOption);
        _scriptTarget.Validators.Add(NotAnOption);

        var help = _root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
    }

    /// <summary>
    /// Reads the command line. Returns what to run, or null with the exit code when there is nothing to run:
    /// help or completions were printed (0), or the command line is wrong (2, with one line on <paramref name="error"/>).
    /// </summary>
    public (BundleArguments? Arguments, int ExitCode) Read(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // No response files: an argument starting with '@' is a migration or a value.
        var result = _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            error.WriteLine(result.Errors[0].Message.TrimEnd() + " Run with --help to see the options.");
            return (null, ExitCodes.UsageError);
        }

        // Help, completions ([suggest]) and --version run their own action; a command is only read.
        if (result.Action != result.CommandResult.Command.Action)
        {
            return (null, result.Invoke(new InvocationConfiguration { Output = output, Error = error }));
        }

        var command = result.CommandResult.Command;
        return (Arguments(result, command == _root ? "migrate" : command.Name), ExitCodes.Success);
    }

    /// <summary>Reads the command line; a wrong one throws (for tests and callers that have their own error path).</summary>
    /// <exception cref="BundleUsageException">The command line is wrong.</exception>
    public static BundleArguments Parse(IReadOnlyList<string> args)
    {
        var error = new StringWriter();
        var (arguments, _) = new BundleCommandLine().Read(args, TextWriter.Null, error);
        return arguments ?? throw new BundleUsageException(error.ToString().Trim());
    }

    private BundleArguments Arguments(ParseResult result, string command) => new()
    {
        Command = command,
        TargetMigration = command switch
        {
            "migrate" => result.GetValue(_target),
            "script" => result.GetValue(_scriptTarget),
            _ => null,
        },
        Connection = result.GetValue(_connection),
        LockTimeout = result.GetValue(_lockTimeout),
        SkipIfLocked = result.GetValue(_skipIfLocked),
        AllowUnknown = result.GetValue(_allowUnknown),
        Json = result.GetValue(_json),
        Verbose = result.GetValue(_verbose),
        NoColor = result.GetValue(_noColor),
        PrefixOutput = result.GetValue(_prefixOutput),
    };

    private static Option<bool> Flag(string name, string description, params string[] aliases)
        => new(name, aliases) { Description = description, Recursive = true };

    private static TimeSpan ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        try
        {
            return BundleArguments.ParseDuration(result.Tokens.Single().Value);
        }
        catch (BundleUsageException ex)
        {
            result.AddError(ex.Message);
            return default;
        }
    }

    private static void NotAnOption(System.CommandLine.Parsing.ArgumentResult result)
    {
        if ((result.Tokens.Count > 0 ? result.Tokens[0] : null) is { Value: var value } && value.StartsWith('-'))
        {
            result.AddError($"Unknown option '{value}'.");
        }
    }

    /// <summary>The generated help, then the exit codes deploy scripts branch on.</summary>
    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodeTable);
            return exitCode;
        }
    }
}

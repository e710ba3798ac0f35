using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Cognova.Migrations.Tooling;
using Cognova.Protocol;

namespace Cognova.Cli;

/// <summary>
/// The tool's command line: <c>dotnet cognova &lt;command&gt; [arguments] [options]</c>. Every command takes the
/// common options (<see cref="CommonOptions"/>) and its own (<see cref="ToolCommands"/>); options take
/// <c>--name value</c> or <c>--name=value</c>. The help is generated from the same definitions.
/// </summary>
internal sealed class CommandLine
{
    private readonly RootCommand _root;
    private readonly CommonOptions _common = new();
    private readonly ToolCommands _commands = new();

    public CommandLine()
    {
        _root = new RootCommand("The EF Core + PostgreSQL developer loop, on the same checks as the Cognova.Build build.");
        _common.AddTo(_root);
        foreach (var command in _commands.All)
        {
            // Each command has an action, so that help and directives can tell it apart; Read reads it instead of invoking it.
            command.SetAction(_ => ExitCodes.Success);
            foreach (var argument in command.Arguments)
            {
                argument.Validators.Add(NotAnOption);
            }

            _root.Subcommands.Add(command);
        }

        var help = _root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
    }

    public static IReadOnlyList<string> CommandNames => new ToolCommands().All.Select(c => c.Name).ToList();

    /// <summary>
    /// Reads the command line. Returns what to run, or null with the exit code when there is nothing to run:
    /// help or completions were printed (0), or the command line is wrong (2, with one line on <paramref name="error"/>).
    /// </summary>
    public (ToolInvocation? Invocation, int ExitCode) Read(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0)
        {
            args = ["--help"];
        }

        if (FirstArgumentProblem(args[0]) is { } problem)
        {
            error.WriteLine(problem);
            return (null, ExitCodes.UsageError);
        }

        // No response files: an argument starting with '@' is a value (a reason, a connection string).
        var result = _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var command = result.CommandResult.Command;
        if (result.Errors.Count > 0)
        {
            error.WriteLine(Describe(result, command));
            return (null, ExitCodes.UsageError);
        }

        if (result.Action != command.Action)
        {
            // Help, completions ([suggest]) or --version. The tool is called as dotnet cognova, not by its file name.
            var text = new StringWriter();
            var exitCode = result.Invoke(new InvocationConfiguration { Output = text, Error = error });
            output.Write(text.ToString().Replace(_root.Name + " ", "dotnet cognova ", StringComparison.Ordinal));
            return (null, exitCode);
        }

        return (new ToolInvocation(_common.Read(result), _commands.Read(result, command)) { Studio = _commands.ReadStudio(result) }, ExitCodes.Success);
    }

    /// <summary>Reads a command line that must be right; throws <see cref="CommandLineException"/> with the one line otherwise.</summary>
    public static ToolInvocation Parse(IReadOnlyList<string> args)
    {
        var error = new StringWriter();
        var (invocation, _) = new CommandLine().Read(args, TextWriter.Null, error);
        return invocation ?? throw new CommandLineException(error.ToString().Trim());
    }

    private string? FirstArgumentProblem(string first)
    {
        if (first.StartsWith('[') || _root.Options.OfType<HelpOption>().Single().Aliases.Append("--help").Contains(first) || first == "--version"
            || _root.Subcommands.Any(c => c.Name == first))
        {
            return null;
        }

        return first.StartsWith('-')
            ? $"Give a command first, e.g. dotnet cognova status (got '{first}')."
            : $"Unknown command '{first}'. The commands are: {string.Join(", ", CommandNames)}.";
    }

    private static string Describe(ParseResult result, Command command)
    {
        var unmatched = result.UnmatchedTokens.Count > 0 ? result.UnmatchedTokens[0] : null;
        var message = unmatched switch
        {
            null => result.Errors[0].Message.TrimEnd(),
            _ when unmatched.StartsWith('-') => $"Unknown option '{unmatched}' for {command.Name}.",
            _ => $"Unexpected argument '{unmatched}': {command.Name} takes {Takes(command)}.",
        };
        return $"{message} Run dotnet cognova {command.Name} --help to see its options.";
    }

    private static string Takes(Command command)
        => command.Arguments.Count == 0 ? "no arguments" : string.Join(" ", command.Arguments.Select(a => $"[<{a.Name}>]"));

    /// <summary>A migration may be <c>0</c> (or a number); anything else starting with '-' is an option the command does not have.</summary>
    private static void NotAnOption(ArgumentResult result)
    {
        if ((result.Tokens.Count > 0 ? result.Tokens[0] : null) is { Value: var value } && value.StartsWith('-') && value != "-" && !value[1..].All(char.IsDigit))
        {
            result.AddError($"Unknown option '{value}' for {((CommandResult)result.Parent!).Command.Name}.");
        }
    }

    /// <summary>The generated help, then the exit codes (the same for every command).</summary>
    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        private const string ExitCodes = """
            Exit codes: 0 success, 1 a migration or push statement failed, 2 usage or configuration error,
            3 migration lock timeout, 4 database unreachable, 5 data loss not confirmed (or no terminal to ask on),
            6 checks failed (unreviewed destructive SQL, edited locked migration), 7 the project did not build,
            8 the database looks like production.
            """;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (ToolCommands.Details(parseResult.CommandResult.Command) is { } details)
            {
                output.WriteLine("Details:");
                output.WriteLine("  " + details.Replace("\n", "\n  ", StringComparison.Ordinal));
                output.WriteLine();
            }

            output.WriteLine(ExitCodes);
            return exitCode;
        }
    }
}

/// <summary>One run of the tool: where the project is, how to build it, and what to ask the design host.</summary>
/// <param name="Request">The command and its own options; the project's files are filled in once it is built.</param>
internal sealed record ToolInvocation(CommonSettings Common, EngineRequest Request)
{
    /// <summary>The studio command's settings the tool keeps for itself.</summary>
    public StudioSettings Studio { get; init; } = new(null, false);

    public string Command => Request.Command;
}

/// <summary>The command line does not fit: exit code 2 with one clear line.</summary>
public sealed class CommandLineException(string message) : Exception(message);

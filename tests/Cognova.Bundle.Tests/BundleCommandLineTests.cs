using Cognova.Migrations.Tooling;

namespace Cognova.Bundle.Tests;

public sealed class BundleCommandLineTests
{
    [Fact]
    public void Reads_the_ef_core_bundle_command_line()
    {
        var arguments = BundleCommandLine.Parse(["AddTags", "--connection", "Host=db", "--verbose", "--no-color", "--prefix-output"]);

        Assert.Equal(("migrate", "AddTags", "Host=db"), (arguments.Command, arguments.TargetMigration, arguments.Connection));
        Assert.True(arguments.Verbose && arguments.NoColor && arguments.PrefixOutput);
        Assert.False(arguments.Json || arguments.SkipIfLocked || arguments.AllowUnknown);
        Assert.Equal(TimeSpan.FromMinutes(5), arguments.LockTimeout);
    }

    [Fact]
    public void Reads_the_commands_and_options_beyond_ef_core()
    {
        var status = BundleCommandLine.Parse(["status", "--json"]);
        var script = BundleCommandLine.Parse(["script", "0"]);
        var migrate = BundleCommandLine.Parse(["--skip-if-locked", "--allow-unknown", "-v"]);

        Assert.Equal(("status", true), (status.Command, status.Json));
        Assert.Equal(("script", "0"), (script.Command, script.TargetMigration));
        Assert.True(migrate.SkipIfLocked && migrate.AllowUnknown && migrate.Verbose);
    }

    [Fact]
    public void Options_take_an_equals_sign_and_go_before_or_after_the_command()
    {
        var status = BundleCommandLine.Parse(["--json", "status", "--connection=Host=db;Password=x"]);
        var migrate = BundleCommandLine.Parse(["--lock-timeout=00:01:30", "0"]);

        Assert.Equal(("status", true, "Host=db;Password=x"), (status.Command, status.Json, status.Connection));
        Assert.Equal(("migrate", "0", TimeSpan.FromSeconds(90)), (migrate.Command, migrate.TargetMigration, migrate.LockTimeout));
    }

    [Fact]
    public void An_argument_starting_with_an_at_sign_is_a_value_not_a_response_file()
        => Assert.Equal("@Host=db", BundleCommandLine.Parse(["--connection", "@Host=db"]).Connection);

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("00:01:30", 90)]
    [InlineData("45", 45)]
    public void Lock_timeouts_take_units(string value, int seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), BundleCommandLine.Parse(["--lock-timeout", value]).LockTimeout);

    [Theory]
    [InlineData("Unknown option '--frobnicate'.", "--frobnicate")]
    [InlineData("Required argument missing for option: '--connection'.", "--connection")]
    [InlineData("Unrecognized command or argument 'B'.", "A", "B")]
    [InlineData("--lock-timeout 'soon' is not a duration (e.g. 90s, 2m, 00:01:30).", "--lock-timeout", "soon")]
    [InlineData("Unrecognized command or argument 'X'.", "status", "X")]
    public void Bad_arguments_are_usage_errors_with_one_line_and_exit_code_2(string message, params string[] args)
    {
        var error = new StringWriter();

        var (arguments, exitCode) = new BundleCommandLine().Read(args, TextWriter.Null, error);

        Assert.Null(arguments);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(message + " Run with --help to see the options." + Environment.NewLine, error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_lists_the_options_and_the_exit_codes_and_runs_nothing(string help)
    {
        var output = new StringWriter();

        var (arguments, exitCode) = new BundleCommandLine().Read([help], output, TextWriter.Null);

        Assert.Null(arguments);
        Assert.Equal(ExitCodes.Success, exitCode);
        var text = output.ToString();
        Assert.Contains("efbundle [<MIGRATION>] [options]", text);
        foreach (var option in new[] { "--connection <CONNECTION>", "--lock-timeout <DURATION>", "--skip-if-locked", "--allow-unknown", "--json", "-v, --verbose", "--no-color", "--prefix-output", "status", "script" })
        {
            Assert.Contains(option, text);
        }

        Assert.Contains("3 lock not acquired within the timeout, 4 database unreachable", text);
    }

    [Fact]
    public void The_suggest_directive_completes_options_and_commands()
    {
        var output = new StringWriter();

        var (arguments, exitCode) = new BundleCommandLine().Read(["[suggest:4]", "--sk"], output, TextWriter.Null);

        Assert.Null(arguments);
        Assert.Equal(0, exitCode);
        Assert.Contains("--skip-if-locked", output.ToString().Split('\n').Select(l => l.Trim()));
    }
}

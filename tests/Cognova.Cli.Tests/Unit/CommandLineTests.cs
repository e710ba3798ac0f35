extern alias tool;

using tool::Cognova.Cli;

namespace Cognova.Cli.Tests.Unit;

public sealed class CommandLineTests
{
    [Fact]
    public void Positionals_are_named_by_the_command_and_options_take_both_spellings()
    {
        var line = CommandLine.Parse(["migrate", "AddTags", "--connection=Host=db;Password=x", "-p", "src/App", "--lock-timeout", "90s", "--skip-if-locked", "--no-build"]);

        Assert.Equal("migrate", line.Command);
        Assert.Equal("AddTags", line.Positional("target"));
        Assert.Equal("Host=db;Password=x", line.Value("--connection"));
        Assert.Equal("src/App", line.Value("--project"));
        Assert.True(line.NoBuild);
        Assert.Equal(
            [("--connection", "Host=db;Password=x"), ("--lock-timeout", "90s"), ("--skip-if-locked", null)],
            line.CommandOptions().OrderBy(o => o.Name).ToList());
    }

    [Fact]
    public void Script_takes_a_from_and_a_to_and_zero_is_a_migration_not_an_option()
    {
        var line = CommandLine.Parse(["script", "0", "AddOrders", "-o", "out.sql"]);

        Assert.Equal("0", line.Positional("from"));
        Assert.Equal("AddOrders", line.Positional("to"));
        Assert.Equal("out.sql", line.Value("--output"));
    }

    [Theory]
    [InlineData("frobnicate", "Unknown command 'frobnicate'")]
    [InlineData("--project", "Give a command first")]
    public void An_unknown_command_is_named(string first, string expected)
    {
        var error = Assert.Throws<CommandLineException>(() => CommandLine.Parse([first]));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("push", "--approve", "x")]
    [InlineData("status", "--force")]
    [InlineData("generate", "A", "B")]
    [InlineData("migrate", "--connection")]
    public void Options_and_arguments_the_command_does_not_take_are_refused(params string[] args)
        => Assert.Throws<CommandLineException>(() => CommandLine.Parse(args));

    [Fact]
    public void No_arguments_and_help_show_the_usage()
    {
        Assert.True(CommandLine.Parse([]).Help);
        Assert.True(CommandLine.Parse(["-h"]).Help);
        Assert.True(CommandLine.Parse(["push", "--help"]).Help);
    }

    [Fact]
    public void Every_command_has_its_own_help_and_the_general_help_lists_them_and_the_exit_codes()
    {
        foreach (var command in CommandLine.CommandNames)
        {
            Assert.Contains($"Usage: dotnet cognova {command}", Usage.For(command));
        }

        var general = Usage.For("");
        Assert.All(CommandLine.CommandNames, command => Assert.Contains("  " + command, general));
        Assert.Contains("8 the database looks like production", general);
    }

    [Fact]
    public void The_startup_project_is_a_common_option_with_dotnet_efs_short_name()
    {
        var line = CommandLine.Parse(["generate", "AddSlug", "-p", "src/Shop.Data", "-s", "src/Shop.Api"]);

        Assert.Equal("src/Shop.Data", line.Value("--project"));
        Assert.Equal("src/Shop.Api", line.Value("--startup-project"));
        Assert.Empty(line.CommandOptions());
    }

    [Fact]
    public void Baseline_takes_a_reason_or_a_reason_file()
    {
        var line = CommandLine.Parse(["baseline", "--reason", "ran in production since 2023, see ADR-7; ok", "--reason-file=r.txt"]);

        Assert.Equal(
            [("--reason", "ran in production since 2023, see ADR-7; ok"), ("--reason-file", "r.txt")],
            line.CommandOptions().OrderBy(o => o.Name).ToList());
    }

    [Fact]
    public void A_startup_project_that_is_the_project_itself_is_no_startup_project()
    {
        var root = Directory.CreateTempSubdirectory("cognova-projects-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Data"));
            Directory.CreateDirectory(Path.Combine(root, "Api"));
            File.WriteAllText(Path.Combine(root, "Data", "Data.csproj"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Api", "Api.csproj"), "<Project />");

            var layered = ToolProjects.Locate("Data", "Api", root);
            var same = ToolProjects.Locate("Data", "Data/Data.csproj", root);

            Assert.Equal((Path.Combine(root, "Data", "Data.csproj"), Path.Combine(root, "Api", "Api.csproj")), (layered.Project, layered.Startup));
            Assert.Null(same.Startup);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

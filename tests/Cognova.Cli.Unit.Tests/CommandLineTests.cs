using Cognova.Migrations.Tooling;
using Cognova.Protocol;

namespace Cognova.Cli.Unit.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Positionals_are_named_by_the_command_and_options_take_both_spellings()
    {
        var line = CommandLine.Parse(["migrate", "AddTags", "--connection=Host=db;Password=x", "-p", "src/App", "--lock-timeout", "90s", "--skip-if-locked", "--no-build"]);

        Assert.Equal("migrate", line.Command);
        Assert.Equal("AddTags", line.Request.Target);
        Assert.Equal("Host=db;Password=x", line.Request.Connection);
        Assert.Equal("90s", line.Request.LockTimeout);
        Assert.True(line.Request.SkipIfLocked);
        Assert.False(line.Request.AllowUnknown || line.Request.Json);
        Assert.Equal("src/App", line.Common.Project);
        Assert.True(line.Common.NoBuild);
    }

    [Fact]
    public void Script_takes_a_from_and_a_to_and_zero_is_a_migration_not_an_option()
    {
        var line = CommandLine.Parse(["script", "0", "AddOrders", "-o", "out.sql"]);

        Assert.Equal(("0", "AddOrders", "out.sql"), (line.Request.From, line.Request.To, line.Request.Output));
    }

    [Fact]
    public void Model_asks_the_host_to_describe_and_takes_an_output_file_and_a_context()
    {
        var line = CommandLine.Parse(["model", "-o", "model.json", "--context", "ShopContext"]);

        Assert.Equal("describe", line.Command);
        Assert.Equal("model.json", line.Request.Output);
        Assert.Equal("ShopContext", line.Common.Context);
    }

    [Fact]
    public void Types_writes_to_the_projects_file_or_one_given_and_check_only_compares()
    {
        var line = CommandLine.Parse(["types", "--check", "-o", "web/db.types.ts"]);
        var plain = CommandLine.Parse(["types"]);

        Assert.Equal(("types", true, "web/db.types.ts"), (line.Command, line.Request.TypeScriptCheck, line.Request.TypeScriptOutput));
        Assert.Null(line.Request.Output);
        Assert.Equal((false, (string?)null), (plain.Request.TypeScriptCheck, plain.Request.TypeScriptOutput));
    }

    [Theory]
    [InlineData("Unknown command 'frobnicate'. The commands are: status, migrate, generate, review, baseline, push, script, model, types, studio.", "frobnicate")]
    [InlineData("Give a command first, e.g. dotnet cognova status (got '--project').", "--project", "x", "status")]
    [InlineData("Unknown option '--approve' for push. Run dotnet cognova push --help to see its options.", "push", "--approve", "x")]
    [InlineData("Unknown option '--force' for status. Run dotnet cognova status --help to see its options.", "status", "--force")]
    [InlineData("Unknown option '--frobnicate' for migrate. Run dotnet cognova migrate --help to see its options.", "migrate", "--frobnicate")]
    [InlineData("Unexpected argument 'B': generate takes [<name>]. Run dotnet cognova generate --help to see its options.", "generate", "A", "B")]
    [InlineData("Required argument missing for option: '--connection'. Run dotnet cognova migrate --help to see its options.", "migrate", "--connection")]
    public void A_command_line_that_does_not_fit_is_one_line_and_exit_code_2(string message, params string[] args)
    {
        var error = new StringWriter();

        var (line, exitCode) = new CommandLine().Read(args, TextWriter.Null, error);

        Assert.Null(line);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(message + Environment.NewLine, error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("-?")]
    public void No_arguments_and_help_show_the_commands_and_run_nothing(params string[] args)
    {
        var output = new StringWriter();

        var (line, exitCode) = new CommandLine().Read(args, output, TextWriter.Null);

        Assert.Null(line);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("dotnet cognova [command] [options]", output.ToString());
    }

    [Fact]
    public void Every_command_has_its_own_help_and_the_general_help_lists_them_and_the_exit_codes()
    {
        foreach (var command in CommandLine.CommandNames)
        {
            var help = Help(command, "--help");
            Assert.Contains($"dotnet cognova {command} ", help);
            Assert.Contains("-p, --project <path>", help);
            Assert.Contains("Details:", help);
            Assert.Contains("8 the database looks like production", help);
        }

        var general = Help("--help");
        Assert.All(CommandLine.CommandNames, command => Assert.Contains("  " + command, general));
        Assert.Contains("8 the database looks like production", general);
        Assert.DoesNotContain("dotnet-cognova", general);
    }

    [Fact]
    public void The_suggest_directive_completes_a_commands_options()
    {
        var output = new StringWriter();

        var (line, exitCode) = new CommandLine().Read(["[suggest:12]", "migrate --sk"], output, TextWriter.Null);

        Assert.Null(line);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["--skip-if-locked"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void The_startup_project_is_a_common_option_with_dotnet_efs_short_name()
    {
        var line = CommandLine.Parse(["generate", "AddSlug", "-p", "src/Shop.Data", "-s", "src/Shop.Api"]);

        Assert.Equal(("src/Shop.Data", "src/Shop.Api"), (line.Common.Project, line.Common.StartupProject));
        Assert.Equal("AddSlug", line.Request.Name);
    }

    [Fact]
    public void Baseline_takes_a_reason_or_a_reason_file()
    {
        var line = CommandLine.Parse(["baseline", "--reason", "ran in production since 2023, see ADR-7; ok", "--reason-file=r.txt"]);

        Assert.Equal(("ran in production since 2023, see ADR-7; ok", "r.txt"), (line.Request.Reason, line.Request.ReasonFile));
    }

    [Fact]
    public void A_reason_starting_with_an_at_sign_is_text_not_a_response_file()
        => Assert.Equal("@dana approved", CommandLine.Parse(["review", "--approve", "Cleanup", "--reason", "@dana approved"]).Request.Reason);

    [Fact]
    public void The_host_reads_back_the_request_the_tool_writes_with_the_projects_files()
    {
        var project = new ProjectProperties(new Dictionary<string, string>
        {
            ["MSBuildProjectFullPath"] = "/src/Data/Data.csproj",
            ["MSBuildProjectDirectory"] = "/src/Data/",
            ["TargetPath"] = "/src/Data/bin/Data.dll",
            ["RootNamespace"] = "Shop.Data",
            ["CognovaLockFile"] = "/src/Data/db.lock.json",
        });
        var startup = new ProjectProperties(new Dictionary<string, string>
        {
            ["TargetPath"] = "/src/Api/bin/Api.dll",
            ["ProjectDepsFilePath"] = "/src/Api/bin/Api.deps.json",
            ["ProjectRuntimeConfigFilePath"] = "/src/Api/bin/Api.runtimeconfig.json",
        });
        var request = CommandLine.Parse(["review", "--approve", "Cleanup", "--reason=--force was fine", "-v"]).Request with { Context = "ShopContext" };

        var arguments = DesignHost.Arguments(project, startup, request);

        Assert.Equal(["exec", "--depsfile", "/src/Api/bin/Api.deps.json", "--runtimeconfig", "/src/Api/bin/Api.runtimeconfig.json", DesignHost.AssemblyPath], arguments.Take(6));
        Assert.Equivalent(
            request with
            {
                Assembly = "/src/Data/bin/Data.dll",
                Project = "/src/Data/Data.csproj",
                ProjectDirectory = "/src/Data",
                StartupAssembly = "/src/Api/bin/Api.dll",
                RootNamespace = "Shop.Data",
                LockFile = "/src/Data/db.lock.json",
            },
            EngineRequest.Read(arguments.Skip(6).ToList()),
            strict: true);
    }

    private static string Help(params string[] args)
    {
        var output = new StringWriter();
        new CommandLine().Read(args, output, TextWriter.Null);
        return output.ToString();
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

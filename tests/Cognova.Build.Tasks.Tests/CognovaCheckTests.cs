using Cognova.Protocol;

namespace Cognova.Build.Tasks.Tests;

/// <summary>
/// The task with a stand-in for <c>dotnet</c>: a shell script that records its arguments and prints
/// what the design host would print, so the task's command line and its reading of the output are
/// tested without starting a real host.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CognovaCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-task-").FullName;
    private readonly FakeBuildEngine _engine = new();

    [Fact]
    public void Passes_the_application_runtime_files_and_settings_to_the_host()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: ""));
        task.ProbingPaths = ["/nuget/packages/", "/fallback"];
        task.DbContexts = "AppDbContext";
        task.DriftCheck = "warning";

        Assert.True(task.Execute());

        var arguments = File.ReadAllLines(Path.Combine(_directory, "args.txt"));
        Assert.Equal(
            [
                "exec", "--depsfile", "/app/bin/App.deps.json", "--runtimeconfig", "/app/bin/App.runtimeconfig.json",
                "--additionalprobingpath", "/nuget/packages", "--additionalprobingpath", "/fallback",
                "/pkg/tools/net10.0/Cognova.Engine.dll", "check",
                "--assembly", "/app/bin/App.dll", "--project", "/app/App.csproj", "--project-dir", "/app",
                "--root-namespace", "App", "--context", "AppDbContext", "--drift", "warning", "--sources", "/app/obj/App.cognova.sources",
            ],
            arguments);
    }

    [Fact]
    public void Passes_the_referenced_projects_the_output_type_and_a_reason_file_to_an_approval()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: ""));
        task.Command = "approve";
        task.ReferencesFile = "/app/obj/App.cognova.references";
        task.OutputType = "Exe";
        task.ApproveMigration = "*";
        task.ApproveReasonFile = "/app/reason.txt";

        Assert.True(task.Execute());

        var arguments = string.Join(" ", File.ReadAllLines(Path.Combine(_directory, "args.txt")));
        Assert.Contains("--references /app/obj/App.cognova.references --output-type Exe", arguments);
        Assert.Contains("--migration * ", arguments);
        Assert.EndsWith("--reason-file /app/reason.txt", arguments);
    }

    [Fact]
    public void The_host_reads_back_every_setting_of_a_bundle_run_as_the_task_meant_it()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: ""));
        task.Command = "bundle";
        task.DbContexts = "ShopContext;AuditContext";
        task.DriftCheck = "warning";
        task.SqlCheck = "false";
        task.RuleSeverity = "COG2201=error;COG2103=none";
        task.LockCheck = "true";
        task.LockedMode = true;
        task.LockFile = "/app/db.lock.json";
        task.ReportJson = "/app/report.json";
        task.SarifLog = "/app/cognova.sarif";
        task.LockFilesList = "/app/obj/lock-files";
        task.ReferencesFile = "/app/obj/App.cognova.references";
        task.OutputType = "Exe";
        task.BundleStaging = "/app/obj/cognova-bundle/";
        task.BundleName = "efbundle";
        task.BundleAssemblies = ["/pkg/bundle/Cognova.Bundle.dll", "/pkg/bundle/Cognova.Migrations.dll"];
        task.ApproveReason = "not for a bundle";
        task.Verbose = true;

        Assert.True(task.Execute());

        var arguments = File.ReadAllLines(Path.Combine(_directory, "args.txt"));
        var request = EngineRequest.Read(arguments[(Array.IndexOf(arguments, task.HostAssembly) + 1)..]);
        Assert.Equivalent(
            new EngineRequest
            {
                Command = "bundle",
                Assembly = "/app/bin/App.dll",
                Project = "/app/App.csproj",
                ProjectDirectory = "/app",
                RootNamespace = "App",
                SourcesFile = "/app/obj/App.cognova.sources",
                Context = "ShopContext;AuditContext",
                DriftCheck = "warning",
                SqlCheck = "false",
                RuleSeverity = "COG2201=error;COG2103=none",
                LockCheck = "true",
                LockedMode = true,
                LockFile = "/app/db.lock.json",
                ReportJson = "/app/report.json",
                SarifLog = "/app/cognova.sarif",
                LockFilesList = "/app/obj/lock-files",
                ReferencesFile = "/app/obj/App.cognova.references",
                OutputType = "Exe",
                BundleStaging = "/app/obj/cognova-bundle/",
                BundleName = "efbundle",
                BundleAssemblies = ["/pkg/bundle/Cognova.Bundle.dll", "/pkg/bundle/Cognova.Migrations.dll"],
                DepsFile = "/app/bin/App.deps.json",
                RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
                Verbose = true,
            },
            request,
            strict: true);
        Assert.Equal(["ShopContext", "AuditContext"], request.ContextNames);
    }

    [Fact]
    public void Turns_host_diagnostics_into_msbuild_errors_and_warnings_with_code_file_and_line()
    {
        var task = Task(FakeDotNet(exitCode: 1, stdout: """
            /app/Migrations/Snapshot.cs(14,13): error COG1001: AppDbContext: 1 change
                - column tags.a: added
            /app/App.csproj: warning COG0005: odd setting
            cognova: done
            """));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("COG1001", "/app/Migrations/Snapshot.cs", 14, 13), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("AppDbContext: 1 change\n- column tags.a: added", error.Message);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal(("COG0005", "/app/App.csproj"), (warning.Code, warning.File));
    }

    [Fact]
    public void A_host_that_fails_without_diagnostics_becomes_COG0001_with_its_stderr()
    {
        var task = Task(FakeDotNet(exitCode: 3, stdout: "", stderr: "Cognova.Build design host failed: InvalidOperationException: boom"));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("COG0001", error.Code);
        Assert.Equal("/app/App.csproj", error.File);
        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("InvalidOperationException: boom", error.Message);
    }

    [Fact]
    public void Info_diagnostics_are_messages_and_do_not_fail_the_build()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: "/app/App.csproj: info COG0004: No DbContext found"));

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Messages, m => m.Code == "COG0004" && m.Message == "No DbContext found");
    }

    [Fact]
    public void TreatWarningsAsErrors_makes_warnings_errors_except_NoWarn_and_WarningsNotAsErrors()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: """
            /app/M.cs(3,5): warning COG2204: unique index
            /app/M.cs(4,5): warning COG2301: no CONCURRENTLY
            /app/M.cs(5,5): warning COG2303: table rewrite
            """));
        task.TreatWarningsAsErrors = true;
        task.NoWarn = "CS1591;COG2301";
        task.WarningsNotAsErrors = "COG2303";

        Assert.False(task.Execute());

        Assert.Equal("COG2204", Assert.Single(_engine.Errors).Code);
        Assert.Equal(["COG2301", "COG2303"], _engine.Warnings.Select(w => w.Code).Order());
    }

    [Fact]
    public void A_warning_that_msbuild_turns_into_an_error_fails_the_task_so_the_check_is_not_marked_passed()
    {
        _engine.WarningsAsErrors.Add("COG2204");
        var task = Task(FakeDotNet(exitCode: 0, stdout: "/app/M.cs(3,5): warning COG2204: unique index"));

        Assert.False(task.Execute());
    }

    [Fact]
    public void Warnings_alone_do_not_fail_the_task()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: "/app/M.cs(3,5): warning COG2204: unique index"));

        Assert.True(task.Execute());
        Assert.Single(_engine.Warnings);
    }

    [Fact]
    public void A_passed_check_keeps_its_warnings_and_the_replay_shows_them_again_with_file_line_and_settings()
    {
        var warnings = Path.Combine(_directory, "App.cognova.check.warnings");
        var task = Task(FakeDotNet(exitCode: 0, stdout: """
            /app/M.cs(3,5): warning COG2204: unique index
                SQL: CREATE UNIQUE INDEX ix ON t (a);
            /app/App.csproj: info COG3007: lock written
            """));
        task.WarningsFile = warnings;

        Assert.True(task.Execute());

        var replayEngine = new FakeBuildEngine();
        var replay = new CognovaReplayWarnings { BuildEngine = replayEngine, WarningsFile = warnings, ProjectFile = "/app/App.csproj" };
        Assert.True(replay.Execute());
        var warning = Assert.Single(replayEngine.Warnings);
        Assert.Equal(("COG2204", "/app/M.cs", 3, 5), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.Equal("unique index\nSQL: CREATE UNIQUE INDEX ix ON t (a);", warning.Message);
        Assert.DoesNotContain(replayEngine.Messages, m => m.Code == "COG3007");

        replayEngine.WarningsAsErrors.Add("COG2204");
        Assert.False(new CognovaReplayWarnings { BuildEngine = replayEngine, WarningsFile = warnings, ProjectFile = "/app/App.csproj" }.Execute());
        var strict = new CognovaReplayWarnings { BuildEngine = new FakeBuildEngine(), WarningsFile = warnings, ProjectFile = "/app/App.csproj", TreatWarningsAsErrors = true };
        Assert.False(strict.Execute());
    }

    [Fact]
    public void A_failed_check_does_not_write_the_warnings_file()
    {
        var warnings = Path.Combine(_directory, "App.cognova.check.warnings");
        var task = Task(FakeDotNet(exitCode: 1, stdout: """
            /app/M.cs(3,5): warning COG2204: unique index
            /app/M.cs(9,5): error COG2101: drops table
            """));
        task.WarningsFile = warnings;

        Assert.False(task.Execute());
        Assert.False(File.Exists(warnings));
    }

    [Fact]
    public void What_the_host_prints_without_masking_it_a_crash_or_the_applications_own_output_is_masked_in_the_build_log()
    {
        var task = Task(FakeDotNet(
            exitCode: 134,
            stdout: "app log: connecting with Host=db;PSW='Sec''ret0ne';Database=shop",
            stderr: "Unhandled exception. System.ArgumentException: Couldn't set tw0half;database (Parameter 'tw0half;database')"));
        task.Verbose = true;

        Assert.False(task.Execute());

        var logged = string.Join("\n", _engine.Errors.Select(e => e.Message).Concat(_engine.Messages.Select(m => m.Message)));
        Assert.Contains("Couldn't set ***", logged);
        Assert.DoesNotContain("ret0ne", logged);
        Assert.DoesNotContain("tw0half", logged);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CognovaCheck Task(string dotnet) => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Engine.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        ProjectFile = "/app/App.csproj",
        ProjectDirectory = "/app/",
        RootNamespace = "App",
        SourcesFile = "/app/obj/App.cognova.sources",
    };

    private string FakeDotNet(int exitCode, string stdout, string stderr = "")
    {
        var stdoutFile = Path.Combine(_directory, "stdout.txt");
        var stderrFile = Path.Combine(_directory, "stderr.txt");
        File.WriteAllText(stdoutFile, stdout + "\n");
        File.WriteAllText(stderrFile, stderr);
        var script = Path.Combine(_directory, "dotnet");
        File.WriteAllText(script, $"""
            #!/bin/sh
            printf '%s\n' "$@" > '{_directory}/args.txt'
            cat '{stdoutFile}'
            cat '{stderrFile}' >&2
            exit {exitCode}

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Cognova.Protocol;
using Cognova.Secrets;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// Runs the design host's <c>check</c> command inside the application's dependency graph
/// (<c>dotnet exec --depsfile … --runtimeconfig …</c>, as <c>dotnet ef</c> does) and reports what it
/// finds as MSBuild errors, warnings and messages with code, file and line.
/// </summary>
public sealed class CognovaCheck : ToolTask
{
    private readonly List<string> _standardError = new List<string>();
    private HostOutputParser? _parser;
    private DiagnosticLogger? _diagnostics;
    private int _hostExitCode;
    private IWarmHost? _warmHost;

    /// <summary>Path of <c>Cognova.Engine.dll</c>.</summary>
    [Required]
    public string HostAssembly { get; set; } = "";

    /// <summary>The application assembly in the output folder (next to its deps.json).</summary>
    [Required]
    public string ApplicationAssembly { get; set; } = "";

    [Required]
    public string DepsFile { get; set; } = "";

    [Required]
    public string RuntimeConfigFile { get; set; } = "";

    [Required]
    public string ProjectFile { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>NuGet package folders, so that package assemblies resolve where the app's deps.json expects them.</summary>
    public string[] ProbingPaths { get; set; } = Array.Empty<string>();

    public string? RootNamespace { get; set; }

    /// <summary>Semicolon-separated DbContext names; empty checks every DbContext.</summary>
    public string? DbContexts { get; set; }

    /// <summary><c>error</c>, <c>warning</c> or <c>off</c>.</summary>
    public string? DriftCheck { get; set; }

    /// <summary><c>check</c> (default) or <c>approve</c>.</summary>
    public string Command { get; set; } = "check";

    /// <summary>Whether the SQL rules run (<c>CognovaSqlCheck</c>).</summary>
    public string? SqlCheck { get; set; }

    /// <summary>Per-rule severities, <c>COG2201=error;COG2103=none</c>.</summary>
    public string? RuleSeverity { get; set; }

    /// <summary>Whether the lock file is checked (<c>CognovaLockCheck</c>).</summary>
    public string? LockCheck { get; set; }

    /// <summary>The lock file is never written; a migration missing from it is an error.</summary>
    public bool LockedMode { get; set; }

    /// <summary>An explicit lock file path; by default one beside each DbContext's migrations.</summary>
    public string? LockFile { get; set; }

    public string? SarifLog { get; set; }

    public string? ReportJson { get; set; }

    /// <summary>Where the host lists the lock files it used, for the next build's incremental check.</summary>
    public string? LockFilesList { get; set; }

    /// <summary>The folder of the per-migration cache (<c>CognovaCache</c>); empty: no cache.</summary>
    public string? CacheDirectory { get; set; }

    public string? ApproveMigration { get; set; }

    public string? ApproveReason { get; set; }

    /// <summary>A file holding the approval's reason: any text, where <c>-p:</c> splits at <c>,</c> and <c>;</c>.</summary>
    public string? ApproveReasonFile { get; set; }

    /// <summary>The project's <c>OutputType</c>: a class library cannot create a context only an application configures.</summary>
    public string? OutputType { get; set; }

    /// <summary>A file listing the referenced projects (<c>&lt;project file&gt;|&lt;checks itself&gt;</c>), where a DbContext and its migrations may live.</summary>
    public string? ReferencesFile { get; set; }

    /// <summary>With <c>bundle</c>: the folder the bundle's deps.json and runtimeconfig.json are written to.</summary>
    public string? BundleStaging { get; set; }

    /// <summary>With <c>bundle</c>: the bundle's file name without extension (<c>efbundle</c>).</summary>
    public string? BundleName { get; set; }

    /// <summary>With a check that also stages the bundle: the DbContext the bundle migrates (<c>CognovaBundleDbContext</c>).</summary>
    public string? BundleDbContext { get; set; }

    /// <summary>With <c>bundle</c>: the bundle's own assemblies, to list in its deps.json.</summary>
    public string[] BundleAssemblies { get; set; } = Array.Empty<string>();

    /// <summary>Where the TypeScript types go (<c>CognovaTypeScriptOutput</c>, relative to the project); empty: no types.</summary>
    public string? TypeScriptOutput { get; set; }

    public string? TypeScriptInclude { get; set; }

    public string? TypeScriptExclude { get; set; }

    /// <summary><c>Entity.Member=type</c> or <c>Clr.Type=type</c>, separated by <c>;</c>.</summary>
    public string? TypeScriptOverrides { get; set; }

    /// <summary>A file listing the project's C# sources, one per line, to point diagnostics at.</summary>
    public string? SourcesFile { get; set; }

    /// <summary>Show what the host does and how long each step takes.</summary>
    public bool Verbose { get; set; }

    /// <summary>
    /// The project's <c>TreatWarningsAsErrors</c>: the SDK passes it to the compiler only, so the task
    /// applies it to its own codes (less those in <see cref="NoWarn"/> and <see cref="WarningsNotAsErrors"/>).
    /// </summary>
    public bool TreatWarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    /// <summary>
    /// Where a passed check keeps its warnings: an up-to-date build shows them again from there
    /// (<see cref="CognovaReplayWarnings"/>), so that they neither vanish nor escape <c>-warnaserror</c>.
    /// </summary>
    public string? WarningsFile { get; set; }

    /// <summary>The <c>dotnet</c> executable running this build (the SDK sets <c>DOTNET_HOST_PATH</c>).</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>After a check, start the next build's design host, which waits for it (<c>CognovaSpareHost</c>).</summary>
    public bool SpareHost { get; set; }

    /// <summary>How long a spare host waits for the next build before it exits (<c>CognovaSpareHostIdleMinutes</c>).</summary>
    public int SpareHostIdleMinutes { get; set; } = 10;

    protected override string ToolName => "dotnet";

    // Standard error is logged at High importance and standard output at Low, so that
    // LogEventsFromTextOutput can tell the two streams apart.
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    protected override string GenerateFullPathToTool() => HostCommandLine.DotNet(DotNetHostPath);

    protected override string GenerateCommandLineCommands()
    {
        var builder = ExecCommandLine();
        var request = Request();
        builder.AppendSwitch(request.Command);
        foreach (var pair in request.ToSwitches())
        {
            if (pair.Value == null)
            {
                builder.AppendSwitch(pair.Key);
            }
            else
            {
                builder.AppendSwitchIfNotNull(pair.Key + " ", pair.Value);
            }
        }

        return builder.ToString();
    }

    private CommandLineBuilder ExecCommandLine() => HostCommandLine.Exec(DepsFile, RuntimeConfigFile, ProbingPaths, HostAssembly);

    /// <summary>See <see cref="HostCommandLine.Identity"/>: the host this task would start.</summary>
    private string HostIdentity() => HostCommandLine.Identity(GenerateFullPathToTool(), ExecCommandLine().ToString(), EnvironmentVariables ?? Array.Empty<string>());

    /// <summary>What the host is asked to do, from this task's parameters.</summary>
    internal EngineRequest Request()
    {
        var command = Command == "approve" || Command == "bundle" ? Command : "check";
        // A publish's check (command check) also stages the bundle when it passes as strictly as the bundle's own check would.
        var stages = command == "bundle" || (command == "check" && !string.IsNullOrEmpty(BundleStaging));
        return new EngineRequest
        {
            Command = command,
            Assembly = ApplicationAssembly,
            Project = ProjectFile,
            ProjectDirectory = ProjectDirectory.TrimEnd('/', '\\'),
            RootNamespace = NullIfEmpty(RootNamespace),
            Context = NullIfEmpty(DbContexts),
            DriftCheck = NullIfEmpty(DriftCheck),
            SourcesFile = NullIfEmpty(SourcesFile),
            ReferencesFile = NullIfEmpty(ReferencesFile),
            OutputType = NullIfEmpty(OutputType),
            SqlCheck = NullIfEmpty(SqlCheck),
            RuleSeverity = NullIfEmpty(RuleSeverity),
            LockCheck = NullIfEmpty(LockCheck),
            LockFile = NullIfEmpty(LockFile),
            SarifLog = NullIfEmpty(SarifLog),
            ReportJson = NullIfEmpty(ReportJson),
            LockFilesList = NullIfEmpty(LockFilesList),
            LockedMode = LockedMode,
            CacheDirectory = NullIfEmpty(CacheDirectory?.TrimEnd('/', '\\')),
            BundleContext = command == "check" && stages ? NullIfEmpty(BundleDbContext) : null,
            BundleStaging = stages ? NullIfEmpty(BundleStaging) : null,
            BundleName = stages ? NullIfEmpty(BundleName) : null,
            BundleAssemblies = stages ? BundleAssemblies : Array.Empty<string>(),
            DepsFile = stages ? DepsFile : null,
            RuntimeConfigFile = stages ? RuntimeConfigFile : null,
            Migration = command == "approve" ? NullIfEmpty(ApproveMigration) : null,
            Reason = command == "approve" ? NullIfEmpty(ApproveReason) : null,
            ReasonFile = command == "approve" ? NullIfEmpty(ApproveReasonFile) : null,
            TypeScriptOutput = command == "check" ? NullIfEmpty(TypeScriptOutput) : null,
            TypeScriptInclude = command == "check" ? NullIfEmpty(TypeScriptInclude) : null,
            TypeScriptExclude = command == "check" ? NullIfEmpty(TypeScriptExclude) : null,
            TypeScriptOverrides = command == "check" ? NullIfEmpty(TypeScriptOverrides) : null,
            Verbose = Verbose,
        };
    }

    public override bool Execute()
    {
        _diagnostics = new DiagnosticLogger(Log, BuildEngine, ProjectFile, TreatWarningsAsErrors, NoWarn, WarningsNotAsErrors);
        _parser = new HostOutputParser(_diagnostics.Log, LogProgress, line => Log.LogMessage(MessageImportance.Low, line));
        var ran = RunOnWarmHost() is { } exitCode
            ? exitCode == 0 || HandleTaskExecutionErrors()
            : base.Execute();
        var passed = ran && !Log.HasLoggedErrors && _diagnostics.Errors == 0;
        if (passed && !string.IsNullOrEmpty(WarningsFile))
        {
            WarningsFileWriter.Write(WarningsFile!, _diagnostics.Warnings);
        }

        StartSpareHost();
        return passed;
    }

    /// <summary>
    /// Starts the host the next build's check will use (<c>CognovaSpareHost</c>), when this one ran a plain check to its
    /// end, passed or not: the developer fixes and builds again. Never fails the build.
    /// </summary>
    private void StartSpareHost()
    {
        var checkRan = _hostExitCode == 0 || _hostExitCode == 1 || (_hostExitCode == -1 && _diagnostics!.Errors > 0);
        if (!SpareHost || SpareHostIdleMinutes <= 0 || Request().Command != "check" || !string.IsNullOrEmpty(BundleStaging) || !checkRan
            || !SpareHostConnection.Supported)
        {
            return;
        }

        try
        {
            var pipe = HostCommandLine.SparePipeName(HostIdentity(), ApplicationAssembly);
            var process = SpareHostStarter.Start(GenerateFullPathToTool(), ExecCommandLine(), EnvironmentVariables ?? Array.Empty<string>(), DepsFile, RuntimeConfigFile, pipe, SpareHostIdleMinutes * 60, ProjectDirectory);
            LogProgress($"started the next build's design host (process {process}); it waits {SpareHostIdleMinutes} min");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or System.IO.IOException or InvalidOperationException)
        {
            LogProgress("no spare design host: " + ex.Message);
        }
    }

    /// <summary>
    /// Runs the request on the host <see cref="CognovaWarmStart"/> started before the compiler, when there is one and
    /// it is the host this task would start; returns its exit code, or null when the task must start its own.
    /// </summary>
    private int? RunOnWarmHost()
    {
        _warmHost = WarmHostRegistry.Take(BuildEngine4, ApplicationAssembly);
        using (_warmHost)
        {
            if (_warmHost is null
                || _warmHost.Identity != HostIdentity())
            {
                return null;
            }

            LogProgress("running in " + _warmHost.Description);
            var exitCode = _warmHost.Run(
                Request().ToArguments(),
                (line, isError) => LogEventsFromTextOutput(line, isError ? StandardErrorLoggingImportance : StandardOutputLoggingImportance));
            if (exitCode is { } code)
            {
                _hostExitCode = code;
                _parser!.Flush();
            }

            return exitCode;
        }
    }

    public override void Cancel()
    {
        _warmHost?.Dispose();
        base.Cancel();
    }

    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        _hostExitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        _parser!.Flush();
        return _hostExitCode;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        // The host masks what it prints; a crash the runtime reports itself (or the app's own output) does not pass through it.
        singleLine = SecretMasker.MaskText(singleLine);
        if (messageImportance == StandardErrorLoggingImportance)
        {
            _standardError.Add(singleLine);
            if (Verbose)
            {
                Log.LogMessage(MessageImportance.High, singleLine);
            }

            return;
        }

        _parser!.Read(singleLine);
    }

    protected override bool HandleTaskExecutionErrors()
    {
        // Exit code 1 means "the host reported errors as diagnostics", 0 with errors logged means the
        // project's warning settings made a warning an error: either way they are already logged.
        // (ToolTask turns a 0 into -1 when errors were logged from the output.)
        if ((_hostExitCode == -1 || _hostExitCode == 1) && _diagnostics!.Errors > 0)
        {
            return false;
        }

        var detail = _standardError.Count > 0
            ? Environment.NewLine + string.Join(Environment.NewLine, _standardError.Take(20))
            : "";
        Log.LogError(
            subcategory: null,
            errorCode: "COG0001",
            helpKeyword: null,
            file: ProjectFile,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: $"The Cognova.Build design host failed (exit code {_hostExitCode}). Build with -p:CognovaVerbose=true to see each step.{detail}");
        return false;
    }

    protected override void LogToolCommand(string message)
        => Log.LogMessage(Verbose ? MessageImportance.High : MessageImportance.Low, message);

    private void LogProgress(string message)
        => Log.LogMessage(Verbose ? MessageImportance.High : MessageImportance.Low, "Cognova: " + message);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

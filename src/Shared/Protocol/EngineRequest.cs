// What the MSBuild task (CognovaCheck) and dotnet cognova (DesignHost) ask the design host to do, and how
// the host reads it back: every switch is defined once, below, for its writer and its reader alike. Compiled
// as source into the task (netstandard2.0, no dependencies), the host and the tool; each keeps its own copy.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Cognova.Protocol
{
    /// <summary>One run of the design host: a command and its settings.</summary>
    /// <remarks>A new setting is a property here and one line in <see cref="Switches"/>.</remarks>
    internal sealed record EngineRequest
    {
        /// <summary><c>check</c>, <c>approve</c>, <c>bundle</c> (the build) or a <c>dotnet cognova</c> command.</summary>
        public string Command { get; init; } = "check";

        // Every command: the application and its project.
        public string Assembly { get; init; } = "";
        public string Project { get; init; } = "";
        public string ProjectDirectory { get; init; } = "";
        public string? StartupAssembly { get; init; }
        public string? RootNamespace { get; init; }

        /// <summary>One DbContext name, or (the build's <c>CognovaDbContext</c>) several separated by <c>;</c> or <c>,</c>.</summary>
        public string? Context { get; init; }
        public string? LockFile { get; init; }
        public string? RuleSeverity { get; init; }
        public bool Verbose { get; init; }

        // The build's check (check, approve, bundle).
        public string? DriftCheck { get; init; }
        public string? SqlCheck { get; init; }
        public string? LockCheck { get; init; }
        public bool LockedMode { get; init; }
        public string? SourcesFile { get; init; }
        public string? ReferencesFile { get; init; }
        public string? OutputType { get; init; }
        public string? SarifLog { get; init; }
        public string? ReportJson { get; init; }
        public string? LockFilesList { get; init; }

        /// <summary>The per-migration cache's folder under obj/; null (locked mode, publish, CognovaCache=false): no cache.</summary>
        public string? CacheDirectory { get; init; }

        // TypeScript types (check, types): the file, which entities, type overrides; TypeScriptCheck compares only.
        public string? TypeScriptOutput { get; init; }
        public string? TypeScriptInclude { get; init; }
        public string? TypeScriptExclude { get; init; }
        public string? TypeScriptOverrides { get; init; }
        public bool TypeScriptCheck { get; init; }

        // Approvals (approve, review, baseline) and the migration a command is about (inspect, review).
        public string? Migration { get; init; }
        public string? Reason { get; init; }
        public string? ReasonFile { get; init; }

        // bundle: where its deps.json and runtimeconfig.json are staged, from the application's.
        public string? BundleStaging { get; init; }

        /// <summary>A publish's check, which stages the bundle when it passes as strictly: the DbContext the bundle migrates.</summary>
        public string? BundleContext { get; init; }
        public string? BundleName { get; init; }
        public IReadOnlyList<string> BundleAssemblies { get; init; } = Array.Empty<string>();
        public string? DepsFile { get; init; }
        public string? RuntimeConfigFile { get; init; }

        // dotnet cognova's commands.
        public string? Connection { get; init; }
        public string? Target { get; init; }
        public string? Name { get; init; }
        public string? From { get; init; }
        public string? To { get; init; }
        public string? Output { get; init; }
        public bool Plain { get; init; }
        public bool Json { get; init; }
        public string? LockTimeout { get; init; }
        public bool SkipIfLocked { get; init; }
        public bool AllowUnknown { get; init; }
        public string? Approve { get; init; }
        public bool DryRun { get; init; }
        public bool Force { get; init; }
        public bool AllowProduction { get; init; }

        /// <summary>studio: edits and the SQL console may write.</summary>
        public bool Write { get; init; }
        public bool NoColor { get; init; }
        public string? ResultFile { get; init; }

        /// <summary>The DbContext names of <see cref="Context"/>, trimmed, without empty entries.</summary>
        public IReadOnlyList<string> ContextNames => SplitList(Context);

        private static readonly Switch[] Switches =
        {
            Text("--assembly", r => r.Assembly, (r, v) => r with { Assembly = v ?? "" }),
            Text("--project", r => r.Project, (r, v) => r with { Project = v ?? "" }),
            Text("--project-dir", r => r.ProjectDirectory, (r, v) => r with { ProjectDirectory = v ?? "" }),
            Text("--startup-assembly", r => r.StartupAssembly, (r, v) => r with { StartupAssembly = v }),
            Text("--root-namespace", r => r.RootNamespace, (r, v) => r with { RootNamespace = v }),
            Text("--context", r => r.Context, (r, v) => r with { Context = v }),
            Text("--lock-file", r => r.LockFile, (r, v) => r with { LockFile = v }),
            Text("--rule-severity", r => r.RuleSeverity, (r, v) => r with { RuleSeverity = v }),
            Flag("--verbose", r => r.Verbose, r => r with { Verbose = true }),
            Text("--drift", r => r.DriftCheck, (r, v) => r with { DriftCheck = v }),
            Text("--sql-check", r => r.SqlCheck, (r, v) => r with { SqlCheck = v }),
            Text("--lock-check", r => r.LockCheck, (r, v) => r with { LockCheck = v }),
            Flag("--locked-mode", r => r.LockedMode, r => r with { LockedMode = true }),
            Text("--sources", r => r.SourcesFile, (r, v) => r with { SourcesFile = v }),
            Text("--references", r => r.ReferencesFile, (r, v) => r with { ReferencesFile = v }),
            Text("--output-type", r => r.OutputType, (r, v) => r with { OutputType = v }),
            Text("--sarif", r => r.SarifLog, (r, v) => r with { SarifLog = v }),
            Text("--report", r => r.ReportJson, (r, v) => r with { ReportJson = v }),
            Text("--lock-files-out", r => r.LockFilesList, (r, v) => r with { LockFilesList = v }),
            Text("--cache", r => r.CacheDirectory, (r, v) => r with { CacheDirectory = v }),
            Text("--ts-output", r => r.TypeScriptOutput, (r, v) => r with { TypeScriptOutput = v }),
            Text("--ts-include", r => r.TypeScriptInclude, (r, v) => r with { TypeScriptInclude = v }),
            Text("--ts-exclude", r => r.TypeScriptExclude, (r, v) => r with { TypeScriptExclude = v }),
            Text("--ts-overrides", r => r.TypeScriptOverrides, (r, v) => r with { TypeScriptOverrides = v }),
            Flag("--ts-check", r => r.TypeScriptCheck, r => r with { TypeScriptCheck = true }),
            Text("--migration", r => r.Migration, (r, v) => r with { Migration = v }),
            Text("--reason", r => r.Reason, (r, v) => r with { Reason = v }),
            Text("--reason-file", r => r.ReasonFile, (r, v) => r with { ReasonFile = v }),
            Text("--bundle-staging", r => r.BundleStaging, (r, v) => r with { BundleStaging = v }),
            Text("--bundle-context", r => r.BundleContext, (r, v) => r with { BundleContext = v }),
            Text("--bundle-name", r => r.BundleName, (r, v) => r with { BundleName = v }),
            Text("--bundle-extra", r => r.BundleAssemblies.Count == 0 ? null : string.Join(";", r.BundleAssemblies), (r, v) => r with { BundleAssemblies = SplitList(v) }),
            Text("--deps", r => r.DepsFile, (r, v) => r with { DepsFile = v }),
            Text("--runtimeconfig", r => r.RuntimeConfigFile, (r, v) => r with { RuntimeConfigFile = v }),
            Text("--connection", r => r.Connection, (r, v) => r with { Connection = v }),
            Text("--target", r => r.Target, (r, v) => r with { Target = v }),
            Text("--name", r => r.Name, (r, v) => r with { Name = v }),
            Text("--from", r => r.From, (r, v) => r with { From = v }),
            Text("--to", r => r.To, (r, v) => r with { To = v }),
            Text("--output", r => r.Output, (r, v) => r with { Output = v }),
            Flag("--plain", r => r.Plain, r => r with { Plain = true }),
            Flag("--json", r => r.Json, r => r with { Json = true }),
            Text("--lock-timeout", r => r.LockTimeout, (r, v) => r with { LockTimeout = v }),
            Flag("--skip-if-locked", r => r.SkipIfLocked, r => r with { SkipIfLocked = true }),
            Flag("--allow-unknown", r => r.AllowUnknown, r => r with { AllowUnknown = true }),
            Text("--approve", r => r.Approve, (r, v) => r with { Approve = v }),
            Flag("--dry-run", r => r.DryRun, r => r with { DryRun = true }),
            Flag("--force", r => r.Force, r => r with { Force = true }),
            Flag("--allow-production", r => r.AllowProduction, r => r with { AllowProduction = true }),
            Flag("--write", r => r.Write, r => r with { Write = true }),
            Flag("--no-color", r => r.NoColor, r => r with { NoColor = true }),
            Text("--result-file", r => r.ResultFile, (r, v) => r with { ResultFile = v }),
        };

        /// <summary>The switches that carry this request, in a fixed order: a name and its value, or a name alone for a flag.</summary>
        public IEnumerable<KeyValuePair<string, string?>> ToSwitches()
        {
            foreach (var field in Switches)
            {
                if (field.TakesValue ? field.Value(this) is { Length: > 0 } : field.IsSet(this))
                {
                    yield return new KeyValuePair<string, string?>(field.Name, field.TakesValue ? field.Value(this) : null);
                }
            }
        }

        /// <summary>The host's command line: the command, then the switches.</summary>
        public IReadOnlyList<string> ToArguments()
        {
            var arguments = new List<string> { Command };
            foreach (var pair in ToSwitches())
            {
                arguments.Add(pair.Key);
                if (pair.Value != null)
                {
                    arguments.Add(pair.Value);
                }
            }

            return arguments;
        }

        /// <exception cref="EngineRequestException">Not a command line that <see cref="ToArguments"/> writes.</exception>
        public static EngineRequest Read(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || args[0].StartsWith("-", StringComparison.Ordinal))
            {
                throw new EngineRequestException("the first argument must be a command, such as 'check'");
            }

            var request = new EngineRequest { Command = args[0] };
            for (var i = 1; i < args.Count; i++)
            {
                var field = Switches.FirstOrDefault(s => string.Equals(s.Name, args[i], StringComparison.OrdinalIgnoreCase))
                            ?? throw new EngineRequestException($"unexpected argument '{args[i]}'");
                if (!field.TakesValue)
                {
                    request = field.Read(request, null);
                }
                else if (i + 1 < args.Count)
                {
                    var value = args[++i];
                    request = field.Read(request, value.Length > 0 ? value : null);
                }
                else
                {
                    throw new EngineRequestException($"{field.Name} needs a value");
                }
            }

            foreach (var (name, value) in new[] { ("--assembly", request.Assembly), ("--project", request.Project), ("--project-dir", request.ProjectDirectory) })
            {
                if (value.Length == 0)
                {
                    throw new EngineRequestException($"missing {name}");
                }
            }

            return request;
        }

        private static readonly char[] ListSeparators = { ';', ',' };

        private static IReadOnlyList<string> SplitList(string? value)
            => value?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray()
               ?? Array.Empty<string>();

        private static Switch Text(string name, Func<EngineRequest, string?> value, Func<EngineRequest, string?, EngineRequest> read)
            => new Switch(name, true, value, r => value(r) != null, read);

        private static Switch Flag(string name, Func<EngineRequest, bool> isSet, Func<EngineRequest, EngineRequest> read)
            => new Switch(name, false, _ => null, isSet, (r, _) => read(r));

        private sealed record Switch(
            string Name,
            bool TakesValue,
            Func<EngineRequest, string?> Value,
            Func<EngineRequest, bool> IsSet,
            Func<EngineRequest, string?, EngineRequest> Read);
    }

    /// <summary>The host was started with a command line it does not understand (exit code 2).</summary>
    internal sealed class EngineRequestException : Exception
    {
        public EngineRequestException(string message)
            : base(message)
        {
        }
    }
}

#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 compile init accessors and records.
    internal static class IsExternalInit
    {
    }
}
#endif

using Cognova.Engine.Build.Results;
using Cognova.Engine.Reports;
using Cognova.Protocol;

namespace Cognova.Engine.Build;

/// <summary>
/// The files a check's result is rendered into, besides its diagnostic lines: the list of lock files the
/// build watches, the SARIF log, the JSON report and the CI job's step summary, each when asked for.
/// </summary>
internal static class CheckOutputs
{
    public static void Write(EngineRequest arguments, CheckSettings settings, CheckResult result, HostLog log)
    {
        var lockFilesList = arguments.LockFilesList;
        if (lockFilesList is not null)
        {
            AtomicFile.WriteAllText(lockFilesList, string.Join("\n", result.LockFiles.Where(File.Exists)) + "\n");
        }

        if (settings.SarifLog is not null)
        {
            AtomicFile.WriteAllText(settings.SarifLog, SarifLog.Create(result));
            log.Verbose("wrote " + settings.SarifLog);
        }

        if (settings.ReportJson is not null)
        {
            AtomicFile.WriteAllText(settings.ReportJson, JsonReport.Create(result));
            log.Verbose("wrote " + settings.ReportJson);
        }

        var summary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summary))
        {
            File.AppendAllText(summary, StepSummary.Create(result));
        }
    }
}

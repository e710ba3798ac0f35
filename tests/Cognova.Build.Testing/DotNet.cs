namespace Cognova.Build.Testing;

/// <summary>
/// Runs the real <c>dotnet</c> CLI the way a user's terminal would: without the MSBuild variables
/// that the test runner itself inherited from <c>dotnet test</c>, which would confuse a nested build.
/// </summary>
public static class DotNet
{
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG",

        // Environment variables are MSBuild properties: a CI job's settings must not leak into the
        // builds a test runs (each test sets what it means to test).
        "ContinuousIntegrationBuild", "CognovaLockedMode", "GITHUB_STEP_SUMMARY", "COGNOVA_HOST_TRACE_FILE",
        "CognovaReadyToRun", "CognovaSpareHostIdleMinutes", "COGNOVA_READY_TO_RUN", "COGNOVA_READY_TO_RUN_CACHE", "COGNOVA_READY_TO_RUN_COMPILER",
    ];

    public static ProcessResult Run(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string?>(), arguments);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var variables = InheritedBuildVariables.ToDictionary(name => name, _ => (string?)null);
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // No spare design host outlives a test's build, unless the test asks for one (-p:CognovaSpareHost=true).
        variables["CognovaSpareHost"] = "false";
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ProcessRunner.Run("dotnet", arguments, workingDirectory, variables, TimeSpan.FromMinutes(8));
    }
}

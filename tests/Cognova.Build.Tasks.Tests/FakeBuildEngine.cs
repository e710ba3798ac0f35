using System.Collections;
using Microsoft.Build.Framework;

namespace Cognova.Build.Tasks.Tests;

/// <summary>Collects what a task logs, in place of MSBuild.</summary>
internal sealed class FakeBuildEngine : IBuildEngine8
{
    /// <summary>Codes MSBuild would turn into errors (<c>-warnaserror</c>, <c>WarningsAsErrors</c>).</summary>
    public HashSet<string> WarningsAsErrors { get; } = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public bool ShouldTreatWarningAsError(string warningCode) => WarningsAsErrors.Contains(warningCode);

    public bool AllowFailureWithoutError { get; set; }

    public bool IsRunningMultipleNodes => false;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => new(false, []);

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    /// <summary>The task objects registered for the build, as MSBuild keeps them between tasks.</summary>
    public Dictionary<object, object> TaskObjects { get; } = [];

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection)
        => TaskObjects[key] = obj;

    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => TaskObjects.GetValueOrDefault(key);

    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime)
        => TaskObjects.Remove(key, out var obj) ? obj : null;

    public void LogTelemetry(string eventName, IDictionary<string, string> properties)
    {
    }

    public IReadOnlyDictionary<string, string> GetGlobalProperties() => new Dictionary<string, string>();
}

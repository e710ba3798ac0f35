using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// When the check is up to date, shows the warnings its last run reported, with the project's
/// current warning settings: a warning does not vanish in the next build, and <c>-warnaserror</c>
/// fails every build that has one, not only the first.
/// </summary>
public sealed class CognovaReplayWarnings : Task
{
    [Required]
    public string WarningsFile { get; set; } = "";

    [Required]
    public string ProjectFile { get; set; } = "";

    public bool TreatWarningsAsErrors { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(WarningsFile))
        {
            return true;
        }

        var diagnostics = new DiagnosticLogger(Log, BuildEngine, ProjectFile, TreatWarningsAsErrors, NoWarn, WarningsNotAsErrors);
        var parser = new HostOutputParser(diagnostics.Log, _ => { }, _ => { });
        foreach (var line in File.ReadAllLines(WarningsFile))
        {
            parser.Read(line);
        }

        parser.Flush();
        return !Log.HasLoggedErrors && diagnostics.Errors == 0;
    }
}

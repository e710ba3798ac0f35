using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Reports;
using Cognova.Protocol;

namespace Cognova.Build.Tests.Build;

public sealed class BundleCommandTests
{
    private static readonly ProjectInfo Project = new("/app/Web.csproj", "/app", "Web");

    [Fact]
    public void An_application_without_a_DbContext_is_told_so_and_what_to_do()
    {
        var output = WriteStaging(new CheckReport());

        Assert.Contains("error COG4005: No migration bundle was written: this application has no DbContext with migrations", output);
        Assert.Contains("<CognovaBundle>false</CognovaBundle>", output);
        Assert.DoesNotContain("COG4004", output);
    }

    [Fact]
    public void Several_DbContexts_are_named()
    {
        var report = new CheckReport();
        report.Contexts.Add(new ContextReport("AuditContext", "Web.AuditContext"));
        report.Contexts.Add(new ContextReport("CatalogContext", "Web.CatalogContext"));

        var output = WriteStaging(report);

        Assert.Contains("error COG4004: A migration bundle migrates one DbContext, and this project has 2 (AuditContext, CatalogContext).", output);
    }

    private static string WriteStaging(CheckReport report)
    {
        var output = new StringWriter();
        var arguments = new EngineRequest { Command = "bundle", Assembly = "/app/bin/Web.dll" };
        BundleCommand.WriteStaging(arguments, Project, report, new DiagnosticWriter(output), new HostLog(TextWriter.Null, verbose: false));
        return output.ToString();
    }
}

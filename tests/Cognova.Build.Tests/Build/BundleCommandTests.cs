using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Build.Results;
using Cognova.Protocol;

namespace Cognova.Build.Tests.Build;

public sealed class BundleCommandTests
{
    private static readonly ProjectInfo Project = new("/app/Web.csproj", "/app", "Web");

    [Fact]
    public void An_application_without_a_DbContext_is_told_so_and_what_to_do()
    {
        var output = WriteStaging(CheckResult.Empty);

        Assert.Contains("error COG4005: No migration bundle was written: this application has no DbContext with migrations", output);
        Assert.Contains("<CognovaBundle>false</CognovaBundle>", output);
        Assert.DoesNotContain("COG4004", output);
    }

    [Fact]
    public void Several_DbContexts_are_named()
    {
        var result = CheckResults.Of([CheckResults.Context("AuditContext"), CheckResults.Context("CatalogContext")]);

        var output = WriteStaging(result);

        Assert.Contains("error COG4004: A migration bundle migrates one DbContext, and this project has 2 (AuditContext, CatalogContext).", output);
    }

    private static string WriteStaging(CheckResult result)
    {
        var output = new StringWriter();
        var arguments = new EngineRequest { Command = "bundle", Assembly = "/app/bin/Web.dll" };
        new DiagnosticWriter(output).Write(BundleCommand.WriteStaging(arguments, Project, result, new HostLog(TextWriter.Null, verbose: false)));
        return output.ToString();
    }
}

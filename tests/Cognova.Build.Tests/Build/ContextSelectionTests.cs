using Cognova.Engine.Build.Checks;
using Cognova.Engine.Diagnostics;

namespace Cognova.Build.Tests.Build;

public sealed class ContextSelectionTests
{
    private static readonly Type[] Found = [typeof(AuditContext), typeof(CatalogContext)];

    [Fact]
    public void No_names_select_every_context_found()
    {
        var diagnostics = new DiagnosticList();

        Assert.Equal(Found, ContextSelection.Select(Found, [], "/app/Web.csproj", diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Names_select_by_full_or_short_name_in_their_order_and_once()
    {
        var diagnostics = new DiagnosticList();

        var selected = ContextSelection.Select(Found, ["catalogcontext", "Cognova.Build.Tests.Build.ContextSelectionTests+AuditContext", "CatalogContext"], "/app/Web.csproj", diagnostics);

        Assert.Equal([typeof(CatalogContext), typeof(AuditContext)], selected);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_name_without_a_context_is_an_invalid_setting_that_lists_the_contexts_found()
    {
        var diagnostics = new DiagnosticList();

        var selected = ContextSelection.Select(Found, ["OrderContext"], "/app/Web.csproj", diagnostics);

        Assert.Empty(selected);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.InvalidSetting, DiagnosticSeverity.Error, "/app/Web.csproj"), (diagnostic.Code, diagnostic.Severity, diagnostic.File));
        Assert.Equal("CognovaDbContext names 'OrderContext', but the project has no DbContext of that name (found: AuditContext, CatalogContext).", diagnostic.Message);
    }

    // Stand-ins: the selection only reads a type's names.
    private sealed class AuditContext;

    private sealed class CatalogContext;
}

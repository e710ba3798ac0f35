using System.Text.Json;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Reports;

namespace Cognova.Build.Tests.Reports;

public sealed class SarifLogTests
{
    [Fact]
    public void Writes_sarif_2_1_0_with_rule_metadata_and_locations()
    {
        var sarif = SarifLog.Create(
        [
            new Diagnostic("COG2102", DiagnosticSeverity.Error, "drops column", "/src/M.cs", 25, 13),
            new Diagnostic("COG2301", DiagnosticSeverity.Warning, "index", "/src/M.cs", 30),
            new Diagnostic("COG1001", DiagnosticSeverity.Error, "drift", "/src/Snapshot.cs"),
        ]);

        using var log = JsonDocument.Parse(sarif);
        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifLog.SchemaUri, root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["COG1001", "COG2102", "COG2301"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("DropColumnRule", rules[1].GetProperty("name").GetString());
        Assert.Equal("error", rules[1].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(rules[1].GetProperty("help").GetProperty("text").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(1, results[0].GetProperty("ruleIndex").GetInt32());
        var location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("file:///src/M.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((25, 13), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));
        Assert.Equal("warning", results[1].GetProperty("level").GetString());
        Assert.False(results[2].GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
    }
}

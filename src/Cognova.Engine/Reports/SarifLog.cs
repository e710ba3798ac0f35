using System.Text;
using System.Text.Json;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Reports;

/// <summary>A SARIF 2.1.0 log of the diagnostics, with rule metadata, for code-scanning tools.</summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Create(CheckResult result) => Create(result.Diagnostics);

    public static string Create(IEnumerable<Diagnostic> diagnostics)
    {
        var results = diagnostics.Where(d => d.Severity != DiagnosticSeverity.None).ToList();
        var ruleIds = results.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "Cognova.Build");
            writer.WriteString("semanticVersion", typeof(SarifLog).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            writer.WriteStartArray("rules");
            foreach (var id in ruleIds)
            {
                var descriptor = DiagnosticCatalog.Find(id) ?? new DiagnosticDescriptor(id, id, DiagnosticSeverity.Warning, id, id);
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("name", descriptor.Name);
                WriteText(writer, "shortDescription", descriptor.Title);
                WriteText(writer, "fullDescription", descriptor.Help);
                WriteText(writer, "help", descriptor.Help);
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(descriptor.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("results");
            foreach (var diagnostic in results)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", diagnostic.Code);
                writer.WriteNumber("ruleIndex", ruleIds.IndexOf(diagnostic.Code));
                writer.WriteString("level", Level(diagnostic.Severity));
                WriteText(writer, "message", diagnostic.Message);
                if (diagnostic.File is not null)
                {
                    writer.WriteStartArray("locations");
                    writer.WriteStartObject();
                    writer.WriteStartObject("physicalLocation");
                    writer.WriteStartObject("artifactLocation");
                    writer.WriteString("uri", new Uri(Path.GetFullPath(diagnostic.File)).AbsoluteUri);
                    writer.WriteEndObject();
                    if (diagnostic.Line > 0)
                    {
                        writer.WriteStartObject("region");
                        writer.WriteNumber("startLine", diagnostic.Line);
                        if (diagnostic.Column > 0)
                        {
                            writer.WriteNumber("startColumn", diagnostic.Column);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteText(Utf8JsonWriter writer, string property, string text)
    {
        writer.WriteStartObject(property);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}

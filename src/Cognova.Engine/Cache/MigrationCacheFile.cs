using System.Text;
using System.Text.Json;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;

namespace Cognova.Engine.Cache;

/// <summary>
/// The cache file of one DbContext (JSON under obj/). A file that is not exactly what this version
/// writes (unreadable, cut short, edited, another format, another context) is not used at all: every
/// check then runs in full, and the file is written again.
/// </summary>
internal static class MigrationCacheFile
{
    /// <summary>The file's entries by migration id.</summary>
    /// <exception cref="InvalidCacheFileException">The file exists but cannot be trusted.</exception>
    public static Dictionary<string, CachedMigration> Read(string path, string contextName)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, CachedMigration>(StringComparer.Ordinal);
        }

        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidCacheFileException(ex.Message);
        }

        return Parse(json, contextName);
    }

    /// <summary>The entries of a cache file's content by migration id.</summary>
    /// <exception cref="InvalidCacheFileException">The content cannot be trusted.</exception>
    public static Dictionary<string, CachedMigration> Parse(byte[] json, string contextName)
    {
        var entries = new Dictionary<string, CachedMigration>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            Require(root.GetProperty("format").GetInt32() == MigrationCacheKeys.FormatVersion, "it has another format");
            Require(root.GetProperty("context").GetString() == contextName, "it belongs to another DbContext");
            foreach (var item in root.GetProperty("migrations").EnumerateArray())
            {
                var entry = ReadEntry(item);
                Require(entries.TryAdd(entry.Id, entry), $"migration {entry.Id} is listed twice");
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            throw new InvalidCacheFileException(ex.Message);
        }

        return entries;
    }

    public static void Write(string path, string contextName, IEnumerable<CachedMigration> entries)
        => AtomicFile.WriteAllText(path, Serialize(contextName, entries));

    public static string Serialize(string contextName, IEnumerable<CachedMigration> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", MigrationCacheKeys.FormatVersion);
            writer.WriteString("context", contextName);
            writer.WriteStartArray("migrations");
            foreach (var entry in entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteEntry(Utf8JsonWriter writer, CachedMigration entry)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Id);
        writer.WriteString("class", entry.ClassName);
        writer.WriteString("key", entry.Key);
        writer.WriteString("sql", entry.SqlHash);
        writer.WriteStartArray("operations");
        foreach (var sql in entry.OperationSql)
        {
            writer.WriteStringValue(sql);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var finding in entry.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.RuleId);
            writer.WriteString("severity", finding.Severity.ToString());
            writer.WriteString("action", finding.Action);
            writer.WriteString("statement", finding.Statement);
            writer.WriteNumber("operation", finding.OperationIndex);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static CachedMigration ReadEntry(JsonElement item)
    {
        var id = Text(item, "id");
        var operations = item.GetProperty("operations").EnumerateArray().Select(o => o.GetString() ?? throw new FormatException("an operation's SQL is null")).ToList();
        var findings = item.GetProperty("findings").EnumerateArray().Select(f => ReadFinding(f, operations.Count, id)).ToList();
        var entry = new CachedMigration(id, Text(item, "class"), Text(item, "key"), operations, findings);
        Require(entry.SqlHash == Text(item, "sql"), $"the SQL of migration {id} does not match its hash");
        return entry;
    }

    private static CachedFinding ReadFinding(JsonElement item, int operationCount, string id)
    {
        var rule = Text(item, "rule");
        Require(RuleCatalog.Find(rule) is not null, $"rule {rule} does not exist");
        var severity = Enum.Parse<DiagnosticSeverity>(Text(item, "severity"));
        Require(severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning or DiagnosticSeverity.Info, $"a finding of {id} has severity {severity}");
        var operation = item.GetProperty("operation").GetInt32();
        Require(operation >= 0 && operation < operationCount, $"a finding of {id} points at operation {operation} of {operationCount}");
        return new CachedFinding(RuleCatalog.Find(rule)!.Id, severity, Text(item, "action"), Text(item, "statement"), operation);
    }

    private static string Text(JsonElement item, string name)
        => item.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidCacheFileException(reason);
        }
    }
}

/// <summary>A cache file that is there but cannot be trusted; the check runs in full instead.</summary>
internal sealed class InvalidCacheFileException(string reason) : Exception(reason);

using System.Text;
using System.Text.Json;

namespace Cognova.Engine.Lock;

/// <summary>
/// Reads and writes the lock file: readable JSON, two-space indentation, a stable order (contexts by
/// name, migrations in migration order, approvals by rule and statement), a final newline.
/// Writes go to a temporary file that then replaces the old one, so a file is never half-written.
/// Reading throws nothing but <see cref="LockFileFormatException"/>, whatever the file holds.
/// </summary>
public static class LockFileSerializer
{
    /// <summary>Far above any real history (a lock entry is about 250 bytes); a bigger file is not read into memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public static LockFile Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new LockFileFormatException("the path is a directory, not a file. Remove the directory, or point CognovaLockFile at a file.");
        }

        string json;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new LockFileFormatException($"it is {length / (1024 * 1024)} MB, more than a lock file can be ({MaxFileBytes / (1024 * 1024)} MB).");
            }

            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new LockFileFormatException($"it cannot be opened: {ex.Message}");
        }

        return Parse(json);
    }

    public static LockFile Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                json.TrimStart('\uFEFF'),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new LockFileFormatException(
                "it is not valid JSON: " + FirstSentence(ex.Message),
                (int)(ex.LineNumber ?? -1) + 1,
                (int)(ex.BytePositionInLine ?? -1) + 1);
        }

        using (document)
        {
            try
            {
                return ReadFile(document.RootElement);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
            {
                // A string the JSON reader accepted but cannot turn into .NET text (an escaped lone surrogate).
                throw new LockFileFormatException("it holds a value that cannot be read: " + ex.Message);
            }
        }
    }

    public static string Serialize(LockFile lockFile)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", lockFile.Version);
            writer.WriteStartObject("contexts");
            foreach (var (name, context) in lockFile.Contexts)
            {
                writer.WriteStartObject(name);
                writer.WriteStartArray("migrations");
                foreach (var migration in context.Migrations)
                {
                    WriteMigration(writer, migration);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Writes the file atomically: a temporary file in the same folder, then a rename over the old one.</summary>
    public static void Write(string path, LockFile lockFile) => AtomicFile.WriteAllText(path, Serialize(lockFile));

    private static LockFile ReadFile(JsonElement document)
    {
        var root = Expect(document, JsonValueKind.Object, "the file");
        var versionElement = Property(root, "version", JsonValueKind.Number, "the file");
        if (!versionElement.TryGetInt32(out var version))
        {
            throw new LockFileFormatException($"\"version\" in the file should be a whole number such as {LockFile.CurrentVersion}, not {Shorten(versionElement.GetRawText())}.");
        }

        if (version < LockFile.OldestReadableVersion || version > LockFile.CurrentVersion)
        {
            throw new LockFileFormatException(version > LockFile.CurrentVersion
                ? $"its version is {version}; this Cognova.Build reads versions {LockFile.OldestReadableVersion} to {LockFile.CurrentVersion}. Update Cognova.Build."
                : $"its version is {version}; there is no such lock file version (this Cognova.Build reads versions {LockFile.OldestReadableVersion} to {LockFile.CurrentVersion}).");
        }

        var lockFile = new LockFile { Version = version };
        foreach (var context in Property(root, "contexts", JsonValueKind.Object, "the file").EnumerateObject())
        {
            var where = $"context '{context.Name}'";
            var locked = lockFile.For(context.Name);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Property(Expect(context.Value, JsonValueKind.Object, where), "migrations", JsonValueKind.Array, where).EnumerateArray())
            {
                var migration = ReadMigration(Expect(entry, JsonValueKind.Object, where + " migrations"), where);
                if (!ids.Add(migration.Id))
                {
                    throw new LockFileFormatException($"{where} lists migration '{migration.Id}' twice (a merge kept both sides?). Restore the file from version control.");
                }

                locked.Migrations.Add(migration);
            }
        }

        return lockFile;
    }

    private static LockedMigration ReadMigration(JsonElement entry, string where)
    {
        var id = Property(entry, "id", JsonValueKind.String, where + " migrations").GetString()!;
        var at = $"{where} migration '{id}'";
        var migration = new LockedMigration(
            id,
            Property(entry, "sql", JsonValueKind.String, at).GetString()!,
            Property(entry, "chain", JsonValueKind.String, at).GetString()!);
        if (entry.TryGetProperty("approvals", out var approvals))
        {
            foreach (var approval in Expect(approvals, JsonValueKind.Array, $"\"approvals\" in {at}").EnumerateArray())
            {
                var item = Expect(approval, JsonValueKind.Object, at + " approvals");
                migration.Approvals.Add(new Approval(
                    Property(item, "rule", JsonValueKind.String, at + " approval").GetString()!,
                    Property(item, "statement", JsonValueKind.String, at + " approval").GetString()!,
                    Property(item, "reason", JsonValueKind.String, at + " approval").GetString()!,
                    item.TryGetProperty("sql", out var sql) && sql.ValueKind == JsonValueKind.String ? sql.GetString() : null));
            }
        }

        return migration;
    }

    private static void WriteMigration(Utf8JsonWriter writer, LockedMigration migration)
    {
        writer.WriteStartObject();
        writer.WriteString("id", migration.Id);
        writer.WriteString("sql", migration.Sql);
        writer.WriteString("chain", migration.Chain);
        if (migration.Approvals.Count > 0)
        {
            writer.WriteStartArray("approvals");
            foreach (var approval in LockChain.Canonical(migration.Approvals))
            {
                writer.WriteStartObject();
                writer.WriteString("rule", approval.Rule);
                writer.WriteString("statement", approval.Statement);
                writer.WriteString("reason", approval.Reason);
                if (approval.Sql is not null)
                {
                    writer.WriteString("sql", approval.Sql);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind, string where)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new LockFileFormatException($"{where} has no \"{name}\"");
        }

        return Expect(value, kind, $"\"{name}\" in {where}");
    }

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string what)
        => element.ValueKind == kind
            ? element
            : throw new LockFileFormatException($"{what} should be a JSON {kind.ToString().ToLowerInvariant()}, not {element.ValueKind.ToString().ToLowerInvariant()}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.', ' ') + ".";
    }
}

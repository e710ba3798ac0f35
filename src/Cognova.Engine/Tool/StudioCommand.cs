using System.Text;
using System.Text.Json.Nodes;
using Cognova.Engine.Model;
using Cognova.Engine.Tool.Push;
using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Engine.Tool;

/// <summary>
/// The design host's half of <c>dotnet cognova studio</c>: creates the DbContexts as every command does, resolves
/// the database, and writes the session file the tool serves the studio from (<c>--result-file</c>, readable by
/// the user alone): the connection string, the model description, whether the database looks like production,
/// and the migrations applied and pending. The studio itself runs in the tool's process (docs/studio.md).
/// </summary>
internal static class StudioCommand
{
    public static int Run(CliSession session)
    {
        var resultFile = session.Request.ResultFile ?? throw CliException.Usage("studio needs --result-file <path> (the tool passes it).");
        session.Database.WarmUp();
        var contexts = new List<DbContext>();
        try
        {
            foreach (var type in session.ContextTypes)
            {
                contexts.Add(session.CreateContext(type));
            }

            // The database of the first context (the one --context names, or the project's only one).
            var context = contexts[0];
            var database = session.Database.Use(context);
            var production = ProductionGuard.Reason(database.Host, database.Database);
            if (session.Request.Write && production is not null && !session.Request.AllowProduction)
            {
                throw new CliException(
                    ExitCodes.ProductionRefused,
                    $"Refusing to open {database} for writing: it looks like production ({production}). Open it read-only (leave out --write), "
                    + "or, if this really is a development database, add --allow-production.");
            }

            var model = session.Log.Step("describe the model", () => ModelDescriber.Describe(contexts).ToJson());
            var migrations = session.Log.Step("read the migration history", () => Migrations(context, session.ContextName));
            var document = new JsonObject
            {
                ["connection"] = context.Database.GetConnectionString(),
                ["model"] = JsonNode.Parse(model),
                ["production"] = production is not null,
                ["migrations"] = migrations,
            };
            WritePrivately(resultFile, document.ToJsonString());
            return ExitCodes.Success;
        }
        finally
        {
            foreach (var context in contexts)
            {
                context.Dispose();
            }
        }
    }

    /// <summary>
    /// The part of <c>dotnet cognova status --json</c> that costs one query: the migrations in the code, applied,
    /// pending and unknown, in its field names. Drift and hand-made schema changes need the full status command.
    /// </summary>
    private static JsonObject Migrations(DbContext context, string contextName)
    {
        var inCode = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var history = MigrationStatusReader.ReadAsync(context).GetAwaiter().GetResult();
        var unknown = history.Unknown.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["context"] = contextName,
            ["migrations"] = new JsonArray([.. inCode.Select(id => (JsonNode?)id)]),
            ["applied"] = new JsonArray([.. history.Applied.Where(id => !unknown.Contains(id)).Select(id => (JsonNode?)id)]),
            ["pending"] = new JsonArray([.. history.Pending.Select(id => (JsonNode?)id)]),
            ["unknown"] = new JsonArray([.. history.Unknown.Select(id => (JsonNode?)id)]),
        };
    }

    /// <summary>The session file holds the password: created readable and writable by the user alone (0600), then renamed into place.</summary>
    internal static void WritePrivately(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(content));
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}

using Cognova.Engine.Model;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova model [--output &lt;file&gt;] [--context &lt;Name&gt;]</c>: the model description
/// (docs/model-description.md) of every DbContext of the project, or of the one <c>--context</c> names, as JSON
/// on standard output or in a file written atomically. The contexts are created as for every command; no
/// database is needed.
/// </summary>
internal static class DescribeCommand
{
    public static int Run(CliSession session)
    {
        var contexts = new List<DbContext>();
        try
        {
            foreach (var type in session.ContextTypes)
            {
                contexts.Add(session.CreateContext(type));
            }

            var json = session.Log.Step("describe the model", () => ModelDescriber.Describe(contexts).ToJson());
            if (session.Request.Output is not { } output)
            {
                session.Console.Data(json);
                return ExitCodes.Success;
            }

            var path = Path.GetFullPath(output);
            AtomicFile.WriteAllText(path, json + "\n");
            session.Console.Success($"Wrote {path} ({Count(contexts.Count, "DbContext")}, {Count(contexts.Sum(c => c.Model.GetEntityTypes().Count()), "entity type")}).");
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

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

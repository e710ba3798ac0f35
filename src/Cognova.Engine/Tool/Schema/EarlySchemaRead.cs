using Cognova.Engine.DesignTime;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Npgsql;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// Reads the live schema on another thread while the application's DbContext is being created (creating
/// it is most of a command's time, and keeps one core busy), so that the command finds the read done.
/// The read has to guess what the model is not there yet to say: it reads the default schema, where a model
/// that names no schema keeps everything. <see cref="Take"/> hands the read over only when it read the
/// database and the schemas the command would read itself; otherwise (a model in other schemas, a
/// connection string from the application's configuration, a failed read) the command reads as before,
/// so what it reports never depends on this read. A read nobody takes is not waited for: it has its own
/// connection and services, and ends with the process.
/// </summary>
internal sealed class EarlySchemaRead
{
    private static readonly IReadOnlyList<string> GuessedSchemas = [LiveSchema.DefaultSchema];

    private readonly string _connectionString;
    private readonly Task<DatabaseModel?> _read;

    private EarlySchemaRead(string connectionString, Task<DatabaseModel?> read)
    {
        _connectionString = connectionString;
        _read = read;
    }

    /// <summary>Starts the read, or returns null when the connection string is not known before the context exists.</summary>
    public static EarlySchemaRead? Start(CliSession session)
    {
        if (session.Database.KnownConnectionString() is not { } connectionString)
        {
            return null;
        }

        // The provider's design-time services without a context, as dotnet ef dbcontext scaffold builds them:
        // reading the schema needs nothing of the context (the model comes later, from the context's own services).
        var assembly = session.ContextType.Assembly;
        var log = session.Log;
        return new EarlySchemaRead(connectionString, Task.Run(() =>
        {
            try
            {
                var services = new DesignTimeServicesBuilder(assembly, assembly, new HostReporter(log), []).Build(CliSession.NpgsqlProvider);
                using var connection = new NpgsqlConnection(connectionString);
                return log.Step("read the database schema (while the context is created)", () => LiveSchema.ReadDatabase(services, connection, GuessedSchemas));
            }
            catch (Exception ex)
            {
                // Whatever failed here, the command's own read meets it again and reports it as it always did.
                log.Verbose("reading the schema early failed, the command reads it itself: " + ex.Message);
                return null;
            }
        }));
    }

    /// <summary>
    /// True when the command's own read, of <paramref name="schemas"/> through <paramref name="connectionString"/>, is
    /// the read an early one made through <paramref name="readThrough"/>.
    /// </summary>
    public static bool Covers(string readThrough, string? connectionString, IReadOnlyList<string> schemas)
        => string.Equals(connectionString, readThrough, StringComparison.Ordinal) && schemas.SequenceEqual(GuessedSchemas, StringComparer.Ordinal);

    /// <summary>
    /// The schema this read found (waiting for it to end), when it is the read the command needs; null otherwise.
    /// It can be taken once: the caller turns it into a model, which changes it.
    /// </summary>
    public DatabaseModel? Take(string? connectionString, IReadOnlyList<string> schemas)
        => Covers(_connectionString, connectionString, schemas) ? _read.GetAwaiter().GetResult() : null;
}

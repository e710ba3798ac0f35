using System.Text;
using Npgsql;
using Xunit;

namespace Cognova.Build.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests. If <c>COGNOVA_TEST_DATABASE_URL</c> is set (a <c>postgres://</c> URL
/// or an Npgsql key=value string) that server is used and nothing is started; otherwise a throw-away
/// cluster is created with <c>initdb</c> in a temporary folder and started with <c>pg_ctl</c> on
/// 127.0.0.1 and a free port. Tests get a fresh database each from <see cref="CreateDatabaseAsync"/>.
/// Disposing stops the throw-away server and deletes its folder, or, on a server given through the
/// environment, drops the databases this instance created and nothing else.
/// </summary>
/// <remarks>
/// Use it as an xunit collection fixture; xunit 2 only finds collection definitions in the test
/// assembly, so each test project declares
/// <c>[CollectionDefinition("PostgreSQL")] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServer&gt;;</c>.
/// Outside xunit, use <see cref="StartAsync"/>.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable that points the tests at an existing server.</summary>
    public const string DatabaseUrlVariable = "COGNOVA_TEST_DATABASE_URL";

    private readonly object _gate = new();
    private readonly List<string> _createdDatabases = [];
    private NpgsqlConnectionStringBuilder? _admin;
    private ThrowAwayCluster? _cluster;
    private bool _initialized;
    private bool _disposed;

    /// <summary>Starts a server (or connects to the one in <see cref="DatabaseUrlVariable"/>) outside xunit.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.InitializeAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>True when this instance started its own server; false when it uses <see cref="DatabaseUrlVariable"/>.</summary>
    public bool IsThrowAway => _cluster is not null;

    /// <summary>
    /// The connection string to the maintenance database: <c>postgres</c> on a throw-away server, the
    /// database named in <see cref="DatabaseUrlVariable"/> (by default <c>postgres</c>) otherwise.
    /// </summary>
    public string ConnectionString => Admin.ConnectionString;

    /// <summary>The connection string with its password masked, safe to print.</summary>
    public string DisplayConnectionString => PostgresConnectionStrings.MaskPassword(Admin);

    /// <summary>The connection string to the database <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return WithDatabase(Admin, database);
    }

    /// <summary>
    /// Creates an empty database with a unique name (<paramref name="namePrefix"/>, default <c>test</c>,
    /// then a random suffix) and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = NewDatabaseName(namePrefix);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                // Someone is connected to template1 for a moment; try again.
                await Task.Delay(200 * attempt).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException)
            {
                throw new InvalidOperationException(
                    $"Cannot create the database '{name}' on {DisplayConnectionString}: {e.Message}", e);
            }
        }

        lock (_gate)
        {
            _createdDatabases.Add(name);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Starts the throw-away server, or checks that the server of <see cref="DatabaseUrlVariable"/> answers.</summary>
    public async Task InitializeAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_initialized)
        {
            return;
        }

        _initialized = true;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        var url = Environment.GetEnvironmentVariable(DatabaseUrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            var builder = PostgresConnectionStrings.Parse(url, $"the environment variable {DatabaseUrlVariable}");
            builder.IncludeErrorDetail = true;
            _admin = builder;
            await CheckConnectionAsync().ConfigureAwait(false);
            return;
        }

        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(NotAvailableMessage);
        _cluster = await Task.Run(() => ThrowAwayCluster.Start(binaries)).ConfigureAwait(false);
        _admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _cluster.Port,
            Username = ThrowAwayCluster.SuperUser,
            Database = "postgres",
            Timeout = 30,
            CommandTimeout = 120,
            IncludeErrorDetail = true,
        };
    }

    /// <summary>Same as <see cref="Dispose"/>.</summary>
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the throw-away server (<c>pg_ctl stop -m immediate</c>) and deletes its folder; on a server
    /// from <see cref="DatabaseUrlVariable"/>, drops the databases this instance created.
    /// </summary>
    public void Dispose()
    {
        List<string> databases;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            databases = [.. _createdDatabases];
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            if (_admin is not null)
            {
                // Close this process's idle connections first, so that nothing waits on a stopped
                // server and the databases can be dropped.
                foreach (var database in databases)
                {
                    ClearPool(WithDatabase(_admin, database));
                }

                if (_cluster is null)
                {
                    DropDatabases(_admin, databases);
                }

                ClearPool(_admin.ConnectionString);
            }
        }
        finally
        {
            _cluster?.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => _admin is null
        ? "PostgreSQL (not started)"
        : $"PostgreSQL {(IsThrowAway ? "throw-away server" : "from " + DatabaseUrlVariable)}: {PostgresConnectionStrings.MaskPassword(_admin)}";

    internal static string NotAvailableMessage =>
        "These tests need a PostgreSQL server, and none is available: the environment variable "
        + $"{DatabaseUrlVariable} is not set, and initdb, pg_ctl and postgres are neither on PATH nor under "
        + "/usr/lib/postgresql/<version>/bin. Fix it by either installing the PostgreSQL server "
        + "(Debian/Ubuntu: 'sudo apt-get install postgresql'; Fedora: 'sudo dnf install postgresql-server'; "
        + "macOS: 'brew install postgresql'), which lets the tests start a throw-away server of their own, "
        + $"or by setting {DatabaseUrlVariable} to a server on which the tests may create and drop databases, "
        + "e.g. postgres://postgres:secret@localhost:5432/postgres or "
        + "'Host=localhost;Port=5432;Username=postgres;Password=secret;Database=postgres'.";

    private NpgsqlConnectionStringBuilder Admin
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _admin ?? throw new InvalidOperationException(
                "The PostgreSQL server is not started: use it as an xunit fixture or create it with PostgresServer.StartAsync().");
        }
    }

    private async Task CheckConnectionAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Cannot connect to the PostgreSQL server named by {DatabaseUrlVariable} ({DisplayConnectionString}): {e.Message}. "
                + $"Fix the variable, start that server, or unset {DatabaseUrlVariable} to let the tests start a throw-away server.",
                e);
        }
    }

    private static void DropDatabases(NpgsqlConnectionStringBuilder server, IEnumerable<string> databases)
    {
        foreach (var database in databases)
        {
            try
            {
                using var connection = new NpgsqlConnection(server.ConnectionString);
                connection.Open();
                using (var terminate = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()",
                    connection))
                {
                    terminate.Parameters.AddWithValue("name", database);
                    terminate.ExecuteNonQuery();
                }

                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(database)}", connection);
                drop.ExecuteNonQuery();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // Best effort: a database left behind on a developer's server is untidy, not wrong.
                Console.Error.WriteLine(
                    $"Could not drop the test database '{database}' on {PostgresConnectionStrings.MaskPassword(server)}: {e.Message}");
            }
        }
    }

    private static string WithDatabase(NpgsqlConnectionStringBuilder server, string database) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

    private static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static string NewDatabaseName(string? prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (string.IsNullOrWhiteSpace(prefix) ? "test" : prefix).ToLowerInvariant())
        {
            clean.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (clean[0] is >= '0' and <= '9')
        {
            clean.Insert(0, "db_");
        }

        // PostgreSQL truncates identifiers at 63 bytes; keep all of the random part.
        var stem = clean.ToString();
        if (stem.Length > 40)
        {
            stem = stem[..40];
        }

        return $"{stem}_{Guid.NewGuid():N}"[..Math.Min(63, stem.Length + 1 + 20)];
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using Npgsql;

namespace Cognova.Build.Testing.Postgres;

/// <summary>Runs a SQL file with PostgreSQL's psql, as a team that deploys SQL files would: stopping at the first error.</summary>
public static class Psql
{
    public static ProcessResult RunFile(string connectionString, string file)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = builder.Password,
            ["PGDATABASE"] = builder.Database,
        };
        return ProcessRunner.Run("psql", ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--file", file], environment: environment, timeout: TimeSpan.FromMinutes(2));
    }
}

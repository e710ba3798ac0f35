using System.Net.Sockets;
using Cognova.Secrets;
using Npgsql;

namespace Cognova.Migrations;

/// <summary>
/// Reads exceptions from Npgsql and EF Core: one line for a person, and whether the server was reachable.
/// The runner, the migration bundle and dotnet cognova all classify failures with it, so that one error
/// gets one exit code everywhere.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// The database's own message when there is one (<c>42P07: relation "tags" already exists</c>, with
    /// its detail and hint when the server sent them), otherwise the chain of exception messages.
    /// Passwords are masked.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var postgres = Find<PostgresException>(exception);
        string text;
        if (postgres is not null)
        {
            text = $"{postgres.SqlState}: {postgres.MessageText}";
            if (!string.IsNullOrWhiteSpace(postgres.Detail) && !postgres.Detail.StartsWith("Detail redacted", StringComparison.Ordinal))
            {
                text += $" (detail: {postgres.Detail})";
            }

            if (!string.IsNullOrWhiteSpace(postgres.Hint))
            {
                text += $" (hint: {postgres.Hint})";
            }
        }
        else
        {
            var messages = new List<string>();
            for (var e = exception; e is not null; e = e.InnerException)
            {
                var line = e.Message.Split('\n')[0].Trim();
                if (line.Length > 0 && !messages.Any(m => m.Contains(line, StringComparison.Ordinal)))
                {
                    messages.Add(line);
                }
            }

            text = messages.Count == 0 ? exception.GetType().Name : string.Join(" → ", messages);
        }

        return SecretMasker.MaskText(text);
    }

    /// <summary>
    /// True when the exception says the server could not be reached or would not let us in: network
    /// errors, timeouts while connecting, authentication failures (class 28), a missing database
    /// (3D000), a server starting up or shutting down (57P0x), too many connections (53300), or any
    /// connection exception (class 08).
    /// </summary>
    public static bool IsConnectionProblem(Exception exception)
    {
        if (Find<PostgresException>(exception) is { } postgres)
        {
            return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                   || postgres.SqlState.StartsWith("28", StringComparison.Ordinal)
                   || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                   || postgres.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.TooManyConnections;
        }

        return Find<NpgsqlException>(exception) is not null
               || Find<SocketException>(exception) is not null
               || Find<IOException>(exception) is not null
               || Find<TimeoutException>(exception) is not null;
    }

    /// <summary>The server's SQLSTATE, when the exception carries one.</summary>
    public static string? SqlState(Exception exception) => Find<PostgresException>(exception)?.SqlState;

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate && aggregate.InnerExceptions[0] is T inner)
            {
                return inner;
            }
        }

        return null;
    }
}

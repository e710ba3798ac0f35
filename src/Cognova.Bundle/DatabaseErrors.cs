using System.Net.Sockets;
using Npgsql;

namespace Cognova.Bundle;

/// <summary>Tells "the database cannot be reached or refused us" (exit code 4) from other failures.</summary>
public static class DatabaseErrors
{
    // invalid_authorization_specification, invalid_password, invalid_catalog_name (no such database),
    // cannot_connect_now (starting up), too_many_connections.
    private static readonly HashSet<string> ConnectionStates = ["28000", "28P01", "3D000", "57P03", "53300"];

    public static bool IsUnreachable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException postgres:
                    return ConnectionStates.Contains(postgres.SqlState);
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException }:
                case SocketException:
                    return true;
                case NpgsqlException npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }

    public static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null && innermost is not PostgresException)
        {
            innermost = innermost.InnerException;
        }

        return innermost is PostgresException postgres ? $"{postgres.MessageText} ({postgres.SqlState})" : innermost.Message;
    }
}

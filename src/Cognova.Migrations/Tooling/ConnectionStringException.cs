namespace Cognova.Migrations.Tooling;

/// <summary>
/// A connection string or postgres:// URL that cannot be read. The message names where it came from and
/// how to quote it, and never shows the value or Npgsql's message, which may quote a password.
/// </summary>
public sealed class ConnectionStringException(string message) : FormatException(message);

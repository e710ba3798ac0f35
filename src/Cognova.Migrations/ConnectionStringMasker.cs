using Cognova.Secrets;

namespace Cognova.Migrations;

/// <summary>Hides passwords in connection strings and in text that may quote one.</summary>
/// <remarks>
/// The same masker the build, the migration bundle and <c>dotnet cognova</c> use: connection strings are read
/// with the key=value grammar Npgsql's builder uses, every spelling of a secret keyword (<c>Password</c>,
/// <c>PWD</c>, <c>PSW</c>, <c>SSL Password</c>, <c>SslPassword</c>) is masked, and so are URL passwords.
/// </remarks>
public static class ConnectionStringMasker
{
    /// <summary>
    /// The connection string with every password replaced by <c>***</c>: <c>Password=***</c> (also
    /// <c>PWD</c>, <c>PSW</c>, <c>SSL Password</c>) in a key=value string, <c>postgres://user:***@host</c> in
    /// a URL. Other keys are kept as written. Text that is neither is masked wherever it looks like one.
    /// </summary>
    public static string Mask(string connectionStringOrUrl)
    {
        ArgumentNullException.ThrowIfNull(connectionStringOrUrl);
        return SecretMasker.MaskConnectionString(connectionStringOrUrl);
    }

    /// <summary>
    /// Masks anything in free text (an exception message, a log line) that looks like a password in a
    /// connection string (the value of <c>Password=</c> and its synonyms, quoted or not) or in a URL
    /// (<c>scheme://user:…@</c>), and every password of a connection string the runner has used.
    /// </summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretMasker.MaskText(text);
    }
}

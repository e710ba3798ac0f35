using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cognova.Migrations;

/// <summary>The default advisory lock key of a database and a DbContext.</summary>
public static class MigrationLockId
{
    /// <summary>
    /// The first 8 bytes of SHA-256 over the UTF-8 text <c>cognova:&lt;database&gt;:&lt;context type full name&gt;</c>,
    /// read as a big-endian signed 64-bit integer. Stable across processes, machines and versions, so
    /// every instance of an app agrees on it; two DbContexts on one database get different keys. In SQL:
    /// <code>SELECT ('x' || left(encode(sha256(convert_to('cognova:app:Shop.AppDbContext', 'UTF8')), 'hex'), 16))::bit(64)::bigint;</code>
    /// </summary>
    public static long For(string databaseName, Type contextType)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        return For(databaseName, contextType.FullName ?? contextType.Name);
    }

    /// <summary>The same, from the DbContext's full type name (e.g. <c>Shop.Data.AppDbContext</c>), for tools that do not load the type.</summary>
    public static long For(string databaseName, string contextTypeFullName)
    {
        ArgumentNullException.ThrowIfNull(databaseName);
        ArgumentNullException.ThrowIfNull(contextTypeFullName);
        var text = "cognova:" + databaseName + ":" + contextTypeFullName;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

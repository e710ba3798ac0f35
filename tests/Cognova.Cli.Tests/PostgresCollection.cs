using Cognova.Build.Testing.Postgres;
using Cognova.Cli.Tests.EndToEnd;

namespace Cognova.Cli.Tests;

/// <summary>
/// The tests that need PostgreSQL share one server: a throw-away cluster, or the server named by
/// COGNOVA_TEST_DATABASE_URL. xunit 2 only finds collection definitions in the test assembly. They also
/// share one built copy of the Store fixture (<see cref="BuiltStore"/>) for the commands that do not change it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<BuiltStore>
{
    public const string Name = "PostgreSQL";
}

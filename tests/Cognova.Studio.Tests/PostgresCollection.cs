using Cognova.Build.Testing.Postgres;

namespace Cognova.Studio.Tests;

/// <summary>The tests that need PostgreSQL share one server (xunit 2 finds collection definitions only in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

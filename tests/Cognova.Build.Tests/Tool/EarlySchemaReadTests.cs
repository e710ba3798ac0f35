using Cognova.Engine.Tool.Schema;

namespace Cognova.Build.Tests.Tool;

/// <summary>
/// status reads the live schema while the DbContext is created, before the model can say which schemas to
/// read: the read is only taken when it read the same database and what the command would read itself.
/// </summary>
public sealed class EarlySchemaReadTests
{
    private const string Connection = "Host=localhost;Database=shop;Username=app";

    [Fact]
    public void Is_taken_for_a_model_in_the_default_schema_on_the_same_database()
        => Assert.True(EarlySchemaRead.Covers(Connection, Connection, ["public"]));

    [Theory]
    [InlineData("shop")]
    [InlineData("public", "shop")]
    [InlineData("audit", "public")]
    public void Is_not_taken_when_the_model_uses_other_schemas(params string[] schemas)
        => Assert.False(EarlySchemaRead.Covers(Connection, Connection, schemas));

    [Theory]
    [InlineData("Host=localhost;Database=other;Username=app")]
    [InlineData(null)]
    public void Is_not_taken_when_the_context_ends_up_on_another_connection(string? used)
        => Assert.False(EarlySchemaRead.Covers(Connection, used, ["public"]));
}

using System.Collections;
using Cognova.Migrations.Tooling;
using Cognova.Secrets;
using Npgsql;

namespace Cognova.Migrations.Tests.Unit;

/// <summary>Where the bundle and dotnet cognova take the connection string from: no database.</summary>
[Trait("Category", "Unit")]
public sealed class ConnectionResolverTests
{
    [Fact]
    public void A_postgres_url_becomes_a_connection_string_with_decoded_parts_and_ssl_mode()
    {
        var normalized = ConnectionResolver.Normalize("postgres://app%40corp:p%40ss%3Aw0rd@db.internal:6543/shop?sslmode=require", "DATABASE_URL");

        var builder = new NpgsqlConnectionStringBuilder(normalized);
        Assert.Equal(("db.internal", 6543, "app@corp", "p@ss:w0rd", "shop", SslMode.Require),
            (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.SslMode));
    }

    [Fact]
    public void The_first_source_wins_in_order_argument_database_url_connection_strings()
    {
        var environment = new Hashtable
        {
            ["DATABASE_URL"] = "postgres://u@from-url/db",
            ["ConnectionStrings__Default"] = "Host=from-default;Database=db",
        };

        Assert.Equal("--connection", ConnectionResolver.Resolve("Host=from-arg", environment)!.Value.Source);
        Assert.Equal("DATABASE_URL", ConnectionResolver.Resolve(null, environment)!.Value.Source);
        environment.Remove("DATABASE_URL");
        Assert.Equal("ConnectionStrings__Default", ConnectionResolver.Resolve(null, environment)!.Value.Source);
        Assert.Null(ConnectionResolver.Resolve(null, new Hashtable()));
    }

    [Fact]
    public void Among_several_named_connection_strings_only_Default_is_chosen()
    {
        var environment = new Hashtable { ["ConnectionStrings__Reporting"] = "Host=a", ["ConnectionStrings__Orders"] = "Host=b" };

        Assert.Null(ConnectionResolver.Resolve(null, environment));
        environment["ConnectionStrings__Orders"] = null;
        Assert.Equal("ConnectionStrings__Reporting", ConnectionResolver.Resolve(null, environment)!.Value.Source);
    }

    [Theory]
    [InlineData("postgres://user:Secr3t!@[broken/db")]
    [InlineData("Host=db;Pasword=Secr3t!")]
    [InlineData("Database=db;Password=Secr3t!")]
    public void A_malformed_value_names_its_source_and_never_its_password(string value)
    {
        var error = Assert.Throws<ConnectionStringException>(() => ConnectionResolver.Normalize(value, "DATABASE_URL"));

        Assert.StartsWith("DATABASE_URL is not a valid PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("Secr3t!", error.Message);
    }

    [Theory]
    [InlineData("Host=db;Password=Secr3t!;Tail9xq;Database=x")]
    [InlineData("Host=db;PSW='Secr3t!;Tail9xq")]
    [InlineData("Host=db;Password=\"Secr3t!\"Tail9xq\"")]
    public void A_value_Npgsql_cannot_read_is_not_echoed_with_the_parsers_message_which_quotes_the_rest_of_the_password(string value)
    {
        var error = Assert.Throws<ConnectionStringException>(() => ConnectionResolver.Normalize(value, "ConnectionStrings__Default"));

        Assert.StartsWith("ConnectionStrings__Default is not a valid PostgreSQL connection string", error.Message);
        Assert.Contains("Password='...'", error.Message);
        Assert.DoesNotContain("Secr3t", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tail9xq", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_secrets_of_a_resolved_connection_are_masked_in_any_later_output()
    {
        ConnectionResolver.Normalize("postgres://app:R3solved%27Only%40Here@db/shop", "DATABASE_URL");
        ConnectionResolver.Normalize("Host=db;PSW='An0ther''s'", "--connection");

        var masked = SecretMasker.MaskText("echo: R3solved'Only@Here R3solved%27Only%40Here An0ther's An0ther''s");

        Assert.DoesNotContain("R3solved", masked);
        Assert.DoesNotContain("An0ther", masked);
    }
}

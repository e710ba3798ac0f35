using Cognova.Engine.Tool.Push;

namespace Cognova.Cli.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PushLogicTests
{
    [Theory]
    [InlineData("localhost", "shop_dev", null)]
    [InlineData("127.0.0.1", "products", null)]
    [InlineData("db.internal", "livestock", null)]
    [InlineData("localhost", "shop_prod", "database name 'shop_prod' contains 'prod'")]
    [InlineData("localhost", "production", "database name 'production' contains 'production'")]
    [InlineData("db.prd.example.com", "shop", "host 'db.prd.example.com' contains 'prd'")]
    [InlineData("live-db-2", "shop", "host 'live-db-2' contains 'live'")]
    [InlineData("pg01.prod", "app", "host 'pg01.prod' contains 'prod'")]
    public void A_database_whose_name_or_host_has_a_production_word_is_recognised(string host, string database, string? expected)
    {
        var reason = ProductionGuard.Reason(host, database);

        if (expected is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Contains(expected, reason);
        }
    }

    [Fact]
    public void A_loss_says_what_and_how_many_rows_with_thousands_separators()
    {
        Assert.Equal("drops column `color` of `tags`, 1,204 rows have a value", new DataLoss("drops column `color` of `tags`", 1204, "have a value").ToString());
        Assert.Equal("drops column `color` of `tags`, 1 row has a value", new DataLoss("drops column `color` of `tags`", 1, "have a value").ToString());
        Assert.Equal("drops table `tags`, 0 rows are deleted", new DataLoss("drops table `tags`", 0, "are deleted").ToString());
        Assert.Equal("drops sequence `n` (its current value is lost)", new DataLoss("drops sequence `n`", null, "its current value is lost").ToString());
    }

    [Fact]
    public void Only_a_count_of_zero_means_no_data_is_lost()
    {
        Assert.False(new DataLoss("drops table `t`", 0, "are deleted").LosesData);
        Assert.True(new DataLoss("drops table `t`", 3, "are deleted").LosesData);
        Assert.True(new DataLoss("drops sequence `s`", null, "its current value is lost").LosesData);
    }
}

namespace Cognova.Migrations.Tests;

/// <summary>The small pure parts: password masking and the lock id.</summary>
public sealed class MaskerAndLockIdTests
{
    [Theory]
    [InlineData("Host=db;Username=app;Password=hunter2;Database=shop", "Password=***")]
    [InlineData("Host=db;PWD=hunter2", "PWD=***")]
    [InlineData("Host=db;Username=app;SSL Password=hunter2", "SSL Password=***")]
    [InlineData("postgres://app:hunter2@db:5432/shop?sslmode=require", "postgres://app:***@db:5432/shop")]
    [InlineData("postgresql://app:p%40ss@db/shop", "postgresql://app:***@db/shop")]
    public void Mask_hides_the_password_and_keeps_the_rest(string input, string expected)
    {
        var masked = ConnectionStringMasker.Mask(input);

        Assert.Contains(expected, masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", masked);
        Assert.DoesNotContain("p%40ss", masked);
    }

    [Fact]
    public void MaskText_hides_passwords_inside_messages()
    {
        var text = ConnectionStringMasker.MaskText("Cannot use 'Host=db;Password=hunter2;Database=x' or postgres://u:hunter2@h/d.");

        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("Password=***", text);
        Assert.Contains("postgres://u:***@h/d", text);
    }

    [Fact]
    public void The_lock_id_is_stable_and_differs_per_database_and_context()
    {
        // The documented example (docs/runtime-migrations.md): a change here breaks running deployments.
        Assert.Equal(MigrationLockId.For("app", "Cognova.Sample.Data.AppDbContext"), MigrationLockId.For("app", "Cognova.Sample.Data.AppDbContext"));
        Assert.Equal(ExpectedSampleLockId, MigrationLockId.For("app", "Cognova.Sample.Data.AppDbContext"));
        Assert.NotEqual(MigrationLockId.For("app", "A.Context"), MigrationLockId.For("app2", "A.Context"));
        Assert.NotEqual(MigrationLockId.For("app", "A.Context"), MigrationLockId.For("app", "B.Context"));
        Assert.Equal(MigrationLockId.For("db", typeof(MaskerAndLockIdTests)), MigrationLockId.For("db", typeof(MaskerAndLockIdTests).FullName!));
    }

    private const long ExpectedSampleLockId = -2559972688765339246;
}

using Cognova.Bundle;

namespace Cognova.Bundle.Tests;

public sealed class BundleArgumentsTests
{
    [Fact]
    public void Reads_the_ef_core_bundle_command_line()
    {
        var arguments = BundleArguments.Parse(["AddTags", "--connection", "Host=db", "--verbose", "--no-color", "--prefix-output"]);

        Assert.Equal(("migrate", "AddTags", "Host=db"), (arguments.Command, arguments.TargetMigration, arguments.Connection));
        Assert.True(arguments.Verbose && arguments.NoColor && arguments.PrefixOutput);
        Assert.False(arguments.Json || arguments.SkipIfLocked || arguments.AllowUnknown);
        Assert.Equal(TimeSpan.FromMinutes(5), arguments.LockTimeout);
    }

    [Fact]
    public void Reads_the_commands_and_options_beyond_ef_core()
    {
        var status = BundleArguments.Parse(["status", "--json"]);
        var script = BundleArguments.Parse(["script", "0"]);
        var migrate = BundleArguments.Parse(["--skip-if-locked", "--allow-unknown", "-v"]);

        Assert.Equal(("status", true), (status.Command, status.Json));
        Assert.Equal(("script", "0"), (script.Command, script.TargetMigration));
        Assert.True(migrate.SkipIfLocked && migrate.AllowUnknown && migrate.Verbose);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("00:01:30", 90)]
    [InlineData("45", 45)]
    public void Lock_timeouts_take_units(string value, int seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), BundleArguments.Parse(["--lock-timeout", value]).LockTimeout);

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--connection")]
    [InlineData("A", "B")]
    [InlineData("--lock-timeout", "soon")]
    public void Bad_arguments_are_usage_errors(params string[] args)
        => Assert.Throws<BundleUsageException>(() => BundleArguments.Parse(args));
}

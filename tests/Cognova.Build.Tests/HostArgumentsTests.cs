using Cognova.Build.Design;
using Cognova.Build.Design.Diagnostics;

namespace Cognova.Build.Tests;

public sealed class HostArgumentsTests
{
    [Fact]
    public void Reads_a_command_values_lists_and_flags()
    {
        var arguments = HostArguments.Parse(["check", "--project", "/p/App.csproj", "--context", "A; B,,C", "--verbose"]);

        Assert.Equal("check", arguments.Command);
        Assert.Equal("/p/App.csproj", arguments.Required("project"));
        Assert.Equal(["A", "B", "C"], arguments.List("context"));
        Assert.True(arguments.Flag("verbose"));
        Assert.Null(arguments.Optional("drift"));
    }

    [Fact]
    public void Rejects_a_missing_command_or_a_missing_required_value()
    {
        Assert.Throws<UsageException>(() => HostArguments.Parse(["--project", "x"]));
        Assert.Throws<UsageException>(() => HostArguments.Parse(["check"]).Required("project"));
        Assert.Throws<UsageException>(() => HostArguments.Parse(["check", "stray"]));
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("Warning", DiagnosticSeverity.Warning)]
    [InlineData("off", DiagnosticSeverity.None)]
    [InlineData(" false ", DiagnosticSeverity.None)]
    public void Check_levels_parse(string value, DiagnosticSeverity expected)
        => Assert.Equal(expected, CheckSettings.ParseCheckLevel("CognovaDriftCheck", value));

    [Fact]
    public void An_unknown_check_level_names_the_setting_and_the_allowed_values()
    {
        var error = Assert.Throws<SettingException>(() => CheckSettings.ParseCheckLevel("CognovaDriftCheck", "loud"));

        Assert.Equal("CognovaDriftCheck has the value 'loud', which is not one of: error, warning or off.", error.Message);
    }
}

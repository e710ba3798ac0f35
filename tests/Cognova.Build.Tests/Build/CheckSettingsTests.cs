using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.Diagnostics;

namespace Cognova.Build.Tests.Build;

public sealed class CheckSettingsTests
{
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

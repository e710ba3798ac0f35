using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class ReadyToRunSettingsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(" FALSE ", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    public void Images_are_on_unless_the_setting_turns_them_off(string? value, bool enabled)
    {
        var settings = ReadyToRunSettings.FromEnvironment(name => name == ReadyToRunSettings.EnabledVariable ? value : null);

        Assert.Equal(enabled, settings.Enabled);
    }

    [Fact]
    public void The_cache_folder_set_by_the_build_is_used_as_given_and_holds_one_folder_per_runtime_and_platform()
    {
        var cache = Path.Combine(Path.GetTempPath(), "cognova-images");
        var settings = ReadyToRunSettings.FromEnvironment(name => name == ReadyToRunSettings.CacheVariable ? cache : null);

        Assert.Equal(cache, settings.CacheDirectory);
        Assert.Equal(Path.Combine(cache, $"net{Environment.Version.Major}-{Platform.RuntimeIdentifier}"), settings.ImageDirectory);
    }

    [Fact]
    public void Without_a_cache_folder_the_images_go_to_the_users_cache_folder()
    {
        var settings = ReadyToRunSettings.FromEnvironment(name => name == "XDG_CACHE_HOME" ? Path.Combine(Path.GetTempPath(), "xdg-cache") : null);

        var expected = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Cognova.Build", "ReadyToRun")
            : Path.Combine(Path.GetTempPath(), "xdg-cache", "cognova-build", "ready-to-run");
        Assert.Equal(expected, settings.CacheDirectory);
        Assert.Null(settings.Compiler);
    }

    [Fact]
    public void A_relative_XDG_cache_home_is_ignored_as_the_specification_says()
    {
        var settings = ReadyToRunSettings.FromEnvironment(name => name == "XDG_CACHE_HOME" ? "relative/cache" : null);

        var expected = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Cognova.Build", "ReadyToRun")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cognova-build", "ready-to-run");
        Assert.Equal(expected, settings.CacheDirectory);
    }
}

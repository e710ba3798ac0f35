extern alias tool;
using tool::Cognova.Cli;

namespace Cognova.Cli.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class StudioRunnerTests
{
    [Fact]
    public void The_session_file_gives_the_connection_the_model_and_the_migrations_as_they_are()
    {
        var options = StudioRunner.ReadSession(
            """{ "connection": "Host=h;Password=p", "model": { "format": "cognova.model/1", "contexts": [] }, "production": true, "migrations": { "pending": ["1_A"] } }""",
            writable: true,
            port: 5099);

        Assert.Equal("Host=h;Password=p", options.ConnectionString);
        Assert.Equal("""{ "format": "cognova.model/1", "contexts": [] }""", options.ModelJson);
        Assert.Equal("""{ "pending": ["1_A"] }""", options.MigrationsJson);
        Assert.True(options.Production);
        Assert.True(options.Writable);
        Assert.Equal(5099, options.Port);
    }

    [Fact]
    public void Without_migrations_or_model_they_are_null()
    {
        var options = StudioRunner.ReadSession("""{ "connection": "Host=h", "model": null, "production": false, "migrations": null }""", writable: false, port: null);
        Assert.Null(options.ModelJson);
        Assert.Null(options.MigrationsJson);
        Assert.False(options.Production);
        Assert.Null(options.Port);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("", "", false)]
    [InlineData(":0", null, true)]
    [InlineData(null, "wayland-0", true)]
    public void A_browser_is_started_on_linux_only_with_a_display(string? display, string? wayland, bool expected)
        => Assert.Equal(expected, StudioRunner.HasDisplay(name => name switch { "DISPLAY" => display, "WAYLAND_DISPLAY" => wayland, _ => null }));

    [Fact]
    public void The_studio_command_takes_its_options_and_keeps_port_and_no_open_in_the_tool()
    {
        var line = CommandLine.Parse(["studio", "--port", "5099", "--write", "--no-open", "--allow-production", "--connection", "Host=h"]);

        Assert.Equal("studio", line.Request.Command);
        Assert.True(line.Request.Write);
        Assert.True(line.Request.AllowProduction);
        Assert.Equal("Host=h", line.Request.Connection);
        Assert.Equal(new StudioSettings(5099, true), line.Studio);
        Assert.DoesNotContain("--port", line.Request.ToArguments());
        Assert.Contains("--write", line.Request.ToArguments());
    }
}

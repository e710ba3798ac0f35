using System.Reflection;
using Cognova.Protocol;

namespace Cognova.Build.Tests;

/// <summary>The design host's request: what the build task and dotnet cognova write, the host reads back.</summary>
public sealed class EngineRequestTests
{
    [Fact]
    public void Every_field_survives_the_command_line()
    {
        var request = EveryFieldSet();

        var read = EngineRequest.Read(request.ToArguments());

        Assert.Equivalent(request, read, strict: true);
        foreach (var property in Properties())
        {
            Assert.Equal(property.GetValue(request), property.GetValue(read), ListsByContent.Instance);
        }
    }

    [Fact]
    public void A_value_that_looks_like_a_switch_stays_a_value()
    {
        var request = new EngineRequest { Command = "approve", Assembly = "/a/App.dll", Project = "/a/App.csproj", ProjectDirectory = "/a", Reason = "--force was never used", Migration = "-1" };

        var read = EngineRequest.Read(request.ToArguments());

        Assert.Equal(("--force was never used", "-1", false), (read.Reason, read.Migration, read.Force));
    }

    [Fact]
    public void The_context_is_one_name_or_a_list()
    {
        var read = EngineRequest.Read(["check", "--assembly", "a.dll", "--project", "a.csproj", "--project-dir", "/a", "--context", "A; B,,C"]);

        Assert.Equal(["A", "B", "C"], read.ContextNames);
    }

    [Theory]
    [InlineData("the first argument must be a command, such as 'check'", "--project", "x")]
    [InlineData("missing --project", "check", "--assembly", "a.dll", "--project-dir", "/a")]
    [InlineData("unexpected argument 'stray'", "check", "stray")]
    [InlineData("unexpected argument '--frobnicate'", "check", "--frobnicate")]
    [InlineData("--sarif needs a value", "check", "--sarif")]
    public void A_command_line_the_writer_does_not_write_is_refused(string message, params string[] args)
        => Assert.Equal(message, Assert.Throws<EngineRequestException>(() => EngineRequest.Read(args)).Message);

    private static EngineRequest EveryFieldSet()
    {
        var request = new EngineRequest { Command = "bundle" };
        foreach (var property in Properties().Where(p => p.Name != nameof(EngineRequest.Command)))
        {
            object value = property.PropertyType == typeof(bool) ? true
                : property.PropertyType == typeof(IReadOnlyList<string>) ? new[] { $"/{property.Name}/1.dll", $"/{property.Name}/2.dll" }
                : $"value of {property.Name}";
            property.SetValue(request, value);
        }

        return request;
    }

    private static IEnumerable<PropertyInfo> Properties()
        => typeof(EngineRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private sealed class ListsByContent : IEqualityComparer<object?>
    {
        public static readonly ListsByContent Instance = new();

        public new bool Equals(object? x, object? y)
            => x is IEnumerable<string> a && y is IEnumerable<string> b && x is not string ? a.SequenceEqual(b) : object.Equals(x, y);

        public int GetHashCode(object? obj) => 0;
    }
}

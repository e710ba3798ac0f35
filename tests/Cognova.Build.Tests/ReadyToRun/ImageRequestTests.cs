using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class ImageRequestTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "cognova-image-request-" + Guid.NewGuid().ToString("N") + ".txt");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_request_reads_back_as_written_paths_with_spaces_included()
    {
        var request = new ImageRequest("/opt/my tools/crossgen2", "/cache/net10-linux-x64",
            ["/packages/npgsql/10.0.3/lib/net10.0/Npgsql.dll", "/src/My App/bin/Microsoft.EntityFrameworkCore.dll"],
            ["/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.dll"]);

        request.Write(_file);
        var read = ImageRequest.Read(_file);

        Assert.NotNull(read);
        Assert.Equal(request.Compiler, read.Compiler);
        Assert.Equal(request.ImageDirectory, read.ImageDirectory);
        Assert.Equal(request.Inputs, read.Inputs);
        Assert.Equal(request.References, read.References);
    }

    [Theory]
    [InlineData("")]
    [InlineData("compile /a.dll\nreference /b.dll\n")]
    [InlineData("compiler /crossgen2\n")]
    [InlineData("\u0000\u0001garbage without a key\n")]
    public void An_incomplete_or_damaged_request_is_no_request(string content)
    {
        File.WriteAllText(_file, content);

        Assert.Null(ImageRequest.Read(_file));
    }
}

using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class CompilerLocatorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cognova-packages-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Executable => OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";

    private string AddCompiler(string version, bool withExecutable = true)
    {
        var tools = Path.Combine(_folder, "microsoft.netcore.app.crossgen2." + Platform.RuntimeIdentifier, version, "tools");
        Directory.CreateDirectory(tools);
        var path = Path.Combine(tools, Executable);
        if (withExecutable)
        {
            File.WriteAllText(path, "");
        }

        return path;
    }

    [Fact]
    public void Picks_the_newest_compiler_of_this_runtimes_major_version()
    {
        var major = Environment.Version.Major;
        AddCompiler($"{major - 1}.0.30");
        AddCompiler($"{major}.0.3");
        var newest = AddCompiler($"{major}.0.12");
        AddCompiler($"{major}.0.20", withExecutable: false);
        AddCompiler($"{major + 1}.0.0");
        AddCompiler("not-a-version");

        Assert.Equal(newest, CompilerLocator.Find(null, [Path.Combine(_folder, "missing"), _folder]));
    }

    [Fact]
    public void A_prerelease_counts_as_its_release()
    {
        var major = Environment.Version.Major;
        var release = AddCompiler($"{major}.0.1");
        AddCompiler($"{major}.0.0-rc.2.25502.107");

        Assert.Equal(release, CompilerLocator.Find(null, [_folder]));
    }

    [Fact]
    public void Without_the_compilers_package_there_is_no_compiler()
    {
        Directory.CreateDirectory(_folder);

        Assert.Null(CompilerLocator.Find(null, [_folder]));
    }

    [Fact]
    public void A_configured_compiler_is_used_when_it_exists_and_never_replaced_by_a_package()
    {
        AddCompiler($"{Environment.Version.Major}.0.12");
        var configured = Path.Combine(_folder, "my-crossgen2");
        File.WriteAllText(configured, "");

        Assert.Equal(configured, CompilerLocator.Find(configured, [_folder]));
        Assert.Null(CompilerLocator.Find(Path.Combine(_folder, "missing-crossgen2"), [_folder]));
    }
}

using System.Reflection;
using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class ImageSchedulerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cognova-image-scheduler-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Loaded in this process from their own IL files: xunit's assertion library and this test assembly.
    private static readonly Assembly Package = typeof(Assert).Assembly;
    private static readonly Assembly Project = typeof(ImageSchedulerTests).Assembly;

    private static TrustedAssemblies Trusted(params Assembly[] assemblies)
        => TrustedAssemblies.Parse(string.Join(Path.PathSeparator, assemblies.Select(a => a.Location)), "/no/shared/frameworks");

    [Fact]
    public void A_package_assembly_loaded_from_its_own_file_without_an_image_is_missing_and_a_project_assembly_never_is()
    {
        var store = new ImageStore(_directory);
        var packages = new HashSet<string> { Package.GetName().Name! };

        var missing = ImageScheduler.Missing(store, Trusted(Package, Project), [Package, Project], packages);

        Assert.Equal([Package.Location], missing);
    }

    [Fact]
    public void An_assembly_the_compiler_failed_on_is_not_asked_for_again()
    {
        var store = new ImageStore(_directory);
        var name = Package.GetName().Name!;
        var failure = store.FailurePath(name, Package.ManifestModule.ModuleVersionId);
        Directory.CreateDirectory(Path.GetDirectoryName(failure)!);
        File.WriteAllText(failure, "exit code 1");

        Assert.Empty(ImageScheduler.Missing(store, Trusted(Package), [Package], new HashSet<string> { name }));
    }

    [Fact]
    public void An_assembly_loaded_from_elsewhere_than_its_trusted_file_is_not_missing()
    {
        var store = new ImageStore(_directory);
        var name = Package.GetName().Name!;
        var elsewhere = TrustedAssemblies.Parse(Path.Combine(_directory, name + ".dll"), "/no/shared/frameworks");

        Assert.Empty(ImageScheduler.Missing(store, elsewhere, [Package], new HashSet<string> { name }));
    }
}

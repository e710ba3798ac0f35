using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class ImageStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cognova-image-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // The shared framework ships precompiled, this test assembly does not: one real file of each kind.
    private static string PrecompiledAssembly => typeof(System.Linq.Enumerable).Assembly.Location;

    private static string IlAssembly => typeof(ImageStoreTests).Assembly.Location;

    [Fact]
    public void Reads_the_module_version_id_and_whether_the_file_carries_precompiled_code()
    {
        var il = ImageStore.ReadModuleVersionId(IlAssembly, out var ilPrecompiled);
        var image = ImageStore.ReadModuleVersionId(PrecompiledAssembly, out var imagePrecompiled);

        Assert.Equal(typeof(ImageStoreTests).Module.ModuleVersionId, il);
        Assert.False(ilPrecompiled);
        Assert.Equal(typeof(System.Linq.Enumerable).Module.ModuleVersionId, image);
        Assert.True(imagePrecompiled);
    }

    [Fact]
    public void A_file_that_is_no_assembly_has_no_module_version_id()
    {
        Directory.CreateDirectory(_directory);
        var garbage = Path.Combine(_directory, "Garbage.dll");
        File.WriteAllText(garbage, "not a portable executable");

        Assert.Null(ImageStore.ReadModuleVersionId(garbage, out _));
        Assert.Null(ImageStore.ReadModuleVersionId(Path.Combine(_directory, "Missing.dll"), out _));
    }

    [Fact]
    public void Finds_the_image_stored_under_the_assemblys_name_and_module_version_id()
    {
        var store = new ImageStore(_directory);
        var mvid = typeof(System.Linq.Enumerable).Module.ModuleVersionId;
        var image = store.ImagePath("System.Linq", mvid);
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);

        Assert.Null(store.Find(PrecompiledAssembly));
        File.Copy(PrecompiledAssembly, image);

        Assert.Equal(image, store.Find(PrecompiledAssembly));
        Assert.Equal(Path.Combine(_directory, "System.Linq", mvid.ToString("N"), "System.Linq.dll"), image);
    }

    [Fact]
    public void A_damaged_image_or_one_without_precompiled_code_is_not_used()
    {
        var store = new ImageStore(_directory);
        var mvid = typeof(ImageStoreTests).Module.ModuleVersionId;
        var name = Path.GetFileNameWithoutExtension(IlAssembly);
        var image = store.ImagePath(name, mvid);
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);

        // The IL file itself under the image's name: right module version id, but nothing precompiled.
        File.Copy(IlAssembly, image);
        Assert.Null(store.Find(IlAssembly));

        File.WriteAllBytes(image, new byte[4096]);
        Assert.Null(store.Find(IlAssembly));
    }

    [Fact]
    public void An_image_of_another_build_of_the_assembly_is_not_used()
    {
        var store = new ImageStore(_directory);
        var otherBuild = Guid.NewGuid();
        var image = store.ImagePath("System.Linq", otherBuild);
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        File.Copy(PrecompiledAssembly, image);

        Assert.False(ImageStore.IsImageOf(image, otherBuild));
        Assert.Null(store.Find(PrecompiledAssembly));
    }
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// Precompiled images on disk, one per assembly build: <c>&lt;name&gt;/&lt;mvid&gt;/&lt;name&gt;.dll</c>, the file named as
/// the assembly it replaces (some code reads its own file name). The module version id
/// changes with every compilation of an assembly and the ReadyToRun compiler keeps it, so an image is found
/// for exactly the file it was made from, wherever that file lies (the NuGet cache or a copy in bin/).
/// </summary>
internal sealed class ImageStore(string directory)
{
    public string Directory { get; } = directory;

    public string ImagePath(string name, Guid mvid) => Path.Combine(Directory, name, mvid.ToString("N"), name + ".dll");

    /// <summary>Marks an assembly the compiler failed on, so later runs do not try it again.</summary>
    public string FailurePath(string name, Guid mvid) => Path.Combine(Directory, name, mvid.ToString("N"), "failed");

    /// <summary>The image made from <paramref name="assemblyPath"/>, when there is one and it is what its name says.</summary>
    public string? Find(string assemblyPath)
    {
        var mvid = ReadModuleVersionId(assemblyPath, out _);
        if (mvid is null)
        {
            return null;
        }

        var image = ImagePath(Path.GetFileNameWithoutExtension(assemblyPath), mvid.Value);
        return File.Exists(image) && IsImageOf(image, mvid.Value) ? image : null;
    }

    /// <summary>Whether <paramref name="image"/> is a precompiled image with the given module version id (a damaged file is not).</summary>
    public static bool IsImageOf(string image, Guid mvid)
        => ReadModuleVersionId(image, out var precompiled) == mvid && precompiled;

    /// <summary>An assembly's module version id, and whether it carries precompiled code; null when the file is no readable assembly.</summary>
    public static Guid? ReadModuleVersionId(string path, out bool precompiled)
    {
        precompiled = false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
            using var reader = new PEReader(stream);
            var header = reader.PEHeaders.CorHeader;
            if (header is null || !reader.HasMetadata)
            {
                return null;
            }

            precompiled = header.ManagedNativeHeaderDirectory.Size > 0;
            var metadata = reader.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }
}

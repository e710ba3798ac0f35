using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

/// <summary>
/// The worker's handling of what it cannot control: a compiler that fails, and an input that goes away. (The real
/// compiler's success is the end-to-end test's: ReadyToRunBuildTests.)
/// </summary>
public sealed class ImageCompilerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cognova-image-compiler-" + Guid.NewGuid().ToString("N"));

    public ImageCompilerTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A stand-in for crossgen2 that fails as a compiler does: a message and a non-zero exit code.</summary>
    private string FailingCompiler()
    {
        if (OperatingSystem.IsWindows())
        {
            var script = Path.Combine(_directory, "failing-crossgen2.cmd");
            File.WriteAllText(script, "@echo error: cannot compile %1 1>&2\r\n@exit /b 3\r\n");
            return script;
        }

        var path = Path.Combine(_directory, "failing-crossgen2");
        File.WriteAllText(path, "#!/bin/sh\necho \"error: cannot compile $1\" >&2\nexit 3\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string CopyOfThisAssembly()
    {
        var copy = Path.Combine(_directory, "input", Path.GetFileName(typeof(ImageCompilerTests).Assembly.Location));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(typeof(ImageCompilerTests).Assembly.Location, copy);
        return copy;
    }

    [Fact]
    public void A_compiler_failure_is_recorded_with_its_output_and_not_tried_again()
    {
        var store = new ImageStore(Path.Combine(_directory, "images"));
        var input = CopyOfThisAssembly();
        var request = new ImageRequest(FailingCompiler(), store.Directory, [input], []);

        var line = ImageCompiler.Compile(request, store, input);

        var name = Path.GetFileNameWithoutExtension(input);
        var mvid = typeof(ImageCompilerTests).Module.ModuleVersionId;
        Assert.Contains("the compiler failed (exit code 3)", line);
        Assert.Contains("cannot compile @", File.ReadAllText(store.FailurePath(name, mvid)));
        Assert.False(File.Exists(store.ImagePath(name, mvid)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(store.ImagePath(name, mvid))!, "*.tmp*"));
        Assert.Null(ImageCompiler.Compile(request, store, input));
    }

    [Fact]
    public void An_input_that_is_gone_or_no_assembly_is_skipped_without_a_failure_record()
    {
        var store = new ImageStore(Path.Combine(_directory, "images"));
        var garbage = Path.Combine(_directory, "Garbage.dll");
        File.WriteAllText(garbage, "not an assembly");
        var request = new ImageRequest(Path.Combine(_directory, "no-compiler"), store.Directory, [], []);

        Assert.Null(ImageCompiler.Compile(request, store, Path.Combine(_directory, "Gone.dll")));
        Assert.Null(ImageCompiler.Compile(request, store, garbage));
        Assert.False(Directory.Exists(store.Directory));
    }

    [Fact]
    public void An_assembly_that_is_already_precompiled_is_left_as_it_is()
    {
        var store = new ImageStore(Path.Combine(_directory, "images"));
        var request = new ImageRequest(Path.Combine(_directory, "no-compiler"), store.Directory, [], []);

        Assert.Null(ImageCompiler.Compile(request, store, typeof(System.Linq.Enumerable).Assembly.Location));
        Assert.False(Directory.Exists(store.Directory));
    }

    [Fact]
    public void A_worker_given_a_request_that_is_not_there_or_damaged_does_nothing()
    {
        var damaged = Path.Combine(_directory, "request.txt");
        File.WriteAllText(damaged, "compile /a.dll\n");

        Assert.Equal(2, ImageCompiler.Run([Path.Combine(_directory, "missing.txt")]));
        Assert.Equal(2, ImageCompiler.Run([damaged]));
        Assert.False(File.Exists(damaged));
    }
}

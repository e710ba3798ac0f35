using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// Precompiled images (CognovaReadyToRun) through the real <c>dotnet build</c> and the SDK's real crossgen2: the
/// first build's host hands EF Core, its provider and Npgsql to a background worker; later hosts load the images and
/// report exactly what a host without them reports; a damaged image is ignored and made again. The layered solution's
/// check, run by its startup project, loads them too. Both tests share one image folder, as a developer's builds do.
/// </summary>
public sealed partial class ReadyToRunBuildTests(ReadyToRunBuildTests.ImageCache cache) : IClassFixture<ReadyToRunBuildTests.ImageCache>
{
    private const string InitFile = "Migrations/20261125170003_Init.cs";

    // The assemblies whose images make the difference (most of the host's JIT time went to them).
    private static readonly string[] Packages =
        ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL"];

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    public sealed class ImageCache : IDisposable
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cognova-images-" + Guid.NewGuid().ToString("N"));

        public string ImageDirectory => Path.Combine(Directory, $"net{Environment.Version.Major}-{RuntimeIdentifier}");

        public string Argument => "-p:CognovaReadyToRunCache=" + Directory;

        private static string RuntimeIdentifier =>
            $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";

        public void Dispose()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_later_build_loads_the_packages_precompiled_and_finds_what_a_host_without_images_finds()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        var first = project.Build(cache.Argument, "-p:CognovaVerbose=true");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("missing images are made in the background with", first.Output);
        WaitForImages();

        // An edited locked migration: a finding of the migrations' SQL, made by EF Core's and the provider's code.
        project.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var precompiled = project.Build(cache.Argument, "-p:CognovaVerbose=true");

        Assert.True(precompiled.ExitCode != 0, precompiled.ToString());
        Assert.Equal(project.PathOf(InitFile), precompiled.Single("COG3001").File);
        var loaded = ImagesLoaded(precompiled);
        Assert.True(loaded >= Packages.Length, precompiled.Output);

        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited\");\n");
        var withoutImages = project.Build(cache.Argument, "-p:CognovaVerbose=true", "-p:CognovaReadyToRun=false");

        Assert.Contains("precompiled images: off", withoutImages.Output);
        Assert.Equal(precompiled.CognovaProblems, withoutImages.CognovaProblems);

        // A damaged image is not loaded; the assembly's own file serves, and the worker makes the image again.
        var image = Image("Microsoft.EntityFrameworkCore");
        File.WriteAllBytes(image, new byte[8192]);
        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited again\");\n");
        var damaged = project.Build(cache.Argument, "-p:CognovaVerbose=true");

        Assert.Equal(precompiled.CognovaProblems, damaged.CognovaProblems);
        Assert.Equal(loaded - 1, ImagesLoaded(damaged));
        WaitForImages();
        Assert.True(IsPrecompiled(image), "the damaged image was not made again");
    }

    [Fact]
    public void The_layered_solutions_check_run_by_its_startup_project_loads_the_images()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        var first = solution.Build("Layered.slnx", cache.Argument);

        Assert.True(first.ExitCode == 0, first.ToString());
        WaitForImages();

        solution.Write("Shop.Api/Program.cs", solution.Read("Shop.Api/Program.cs") + "\n// edited\n");
        var second = solution.Build("Shop.Api/Shop.Api.csproj", cache.Argument, "-p:CognovaVerbose=true");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(ImagesLoaded(second) >= Packages.Length, second.Output);
    }

    [Fact]
    public void Images_are_on_by_default_off_by_default_in_CI_and_as_set_in_either()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        var restore = project.Run("restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        Assert.Equal("true", Property(project));
        Assert.Equal("false", Property(project, "-p:ContinuousIntegrationBuild=true"));
        Assert.Equal("true", Property(project, "-p:ContinuousIntegrationBuild=true", "-p:CognovaReadyToRun=true"));
        Assert.Equal("false", Property(project, "-p:CognovaReadyToRun=false"));
    }

    private static string Property(TestProject project, params string[] arguments)
    {
        var result = project.Run("msbuild", ["-getProperty:CognovaReadyToRun", .. arguments]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Trim();
    }

    /// <summary>The "precompiled images: N of M" count of the build's one check.</summary>
    private static int ImagesLoaded(BuildResult build)
    {
        var match = ImagesLine().Match(build.Output);
        Assert.True(match.Success, build.Output);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Image(string name)
        => Directory.GetFiles(Path.Combine(cache.ImageDirectory, name), name + ".dll", SearchOption.AllDirectories).Single();

    /// <summary>Waits for the background worker: every image of <see cref="Packages"/> in place, and no worker holding the store.</summary>
    private void WaitForImages()
    {
        var clock = Stopwatch.StartNew();
        while (!Packages.All(HasImage) || File.Exists(Path.Combine(cache.ImageDirectory, ".compile.lock")))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                var log = Path.Combine(cache.ImageDirectory, "compile.log");
                Assert.Fail("no images after 5 minutes; compile.log: " + (File.Exists(log) ? File.ReadAllText(log) : "(none)"));
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>Whether the store holds a complete image of <paramref name="name"/>: a file with precompiled code.</summary>
    private bool HasImage(string name)
    {
        var folder = Path.Combine(cache.ImageDirectory, name);
        return Directory.Exists(folder)
            && Directory.GetFiles(folder, name + ".dll", SearchOption.AllDirectories).Any(IsPrecompiled);
    }

    private static bool IsPrecompiled(string path)
    {
        try
        {
            using var reader = new PEReader(File.OpenRead(path));
            return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"precompiled images: (\d+) of \d+ application assemblies")]
    private static partial Regex ImagesLine();
}

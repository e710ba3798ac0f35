using System.Diagnostics;
using System.Reflection;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// After a host's work: the package assemblies it loaded from their IL, which have no image yet, go to an
/// image worker in the background, so a later host starts with them precompiled. Nothing here may fail or
/// slow the host's run: its result is already written.
/// </summary>
internal static class ImageScheduler
{
    public static void CompileMissing(ImageStore store, string? compiler, TrustedAssemblies trusted, IEnumerable<Assembly> loaded)
    {
        if (compiler is null)
        {
            return;
        }

        try
        {
            var depsFile = PackageAssets.ApplicationDepsFile();
            if (depsFile is null || !File.Exists(depsFile))
            {
                return;
            }

            var packages = PackageAssets.Read(depsFile);
            var inputs = Missing(store, trusted, loaded, packages);
            if (inputs.Count == 0)
            {
                return;
            }

            var references = trusted.FrameworkAssemblies
                .Concat(trusted.ApplicationAssemblies.Where(entry => packages.Contains(entry.Key)).Select(entry => entry.Value))
                .ToList();
            var requestFile = Path.Combine(store.Directory, "requests", $"{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
            new ImageRequest(compiler, store.Directory, inputs, references).Write(requestFile);
            StartWorker(store, requestFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or System.ComponentModel.Win32Exception)
        {
            // No images this time; the host's own work is done and unaffected.
        }
    }

    /// <summary>The package assemblies loaded from their own file that have neither an image nor a failed attempt.</summary>
    public static IReadOnlyList<string> Missing(ImageStore store, TrustedAssemblies trusted, IEnumerable<Assembly> loaded, IReadOnlySet<string> packages)
    {
        var inputs = new List<string>();
        foreach (var assembly in loaded)
        {
            var name = assembly.GetName().Name;
            if (name is null || !packages.Contains(name) || !trusted.TryGetApplicationAssembly(name, out var path)
                || !string.Equals(assembly.Location, path, StringComparison.Ordinal))
            {
                continue;
            }

            var mvid = ImageStore.ReadModuleVersionId(path, out var precompiled);
            if (mvid is not null && !precompiled && !File.Exists(store.FailurePath(name, mvid.Value)))
            {
                inputs.Add(path);
            }
        }

        return inputs;
    }

    private static void StartWorker(ImageStore store, string requestFile)
    {
        var runtimeConfig = Path.Combine(store.Directory, "worker.runtimeconfig.json");
        var framework = $"\"framework\":{{\"name\":\"Microsoft.NETCore.App\",\"version\":\"{Environment.Version}\"}}";
        AtomicFile.WriteAllText(runtimeConfig, $"{{\"runtimeOptions\":{{\"tfm\":\"net{Environment.Version.Major}.0\",{framework}}}}}");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            UseShellExecute = false,
            // Redirected, never read: the worker must not hold the build's output open (it writes nothing).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "exec", "--runtimeconfig", runtimeConfig, typeof(ImageScheduler).Assembly.Location, ImageCompiler.Command, requestFile })
        {
            start.ArgumentList.Add(argument);
        }

        // The worker outlives this host on purpose: it is not waited for.
        using var worker = Process.Start(start);
    }
}

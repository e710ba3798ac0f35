using Xunit;

namespace Cognova.Build.Testing;

/// <summary>
/// Compiles a folder of TypeScript (package.json, package-lock.json, tsconfig.json, src/) in a copy, with the
/// TypeScript its lock file pins: npm ci (its cache under the test output, so a second run needs no network), then tsc.
/// </summary>
public static class TypeScriptProject
{
    private static readonly string Cache = Path.Combine(AppContext.BaseDirectory, "npm-cache");

    public static ProcessResult Compile(string folder, params (string Path, string Text)[] extraFiles)
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            Assert.Fail("Node.js and npm are needed to compile the generated TypeScript, and " + (node is null ? "node" : "npm")
                        + " is not on PATH. Install them (apt-get install -y nodejs npm; .ci/run does this when node is missing).");
        }

        var copy = Path.Combine(Path.GetTempPath(), "cognova-ts-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var file in new[] { "package.json", "package-lock.json", "tsconfig.json" })
            {
                Directory.CreateDirectory(copy);
                File.Copy(Path.Combine(folder, file), Path.Combine(copy, file));
            }

            foreach (var source in Directory.EnumerateFiles(Path.Combine(folder, "src"), "*.ts", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(folder, source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }

            foreach (var (path, text) in extraFiles)
            {
                File.WriteAllText(Path.Combine(copy, path), text);
            }

            var install = ProcessRunner.Run(npm!, ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--cache", Cache], copy, timeout: TimeSpan.FromMinutes(5));
            if (install.ExitCode != 0)
            {
                return install with { Error = "npm ci failed:\n" + install.Error };
            }

            return ProcessRunner.Run(node!, [Path.Combine(copy, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], copy, timeout: TimeSpan.FromMinutes(5));
        }
        finally
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => OperatingSystem.IsWindows() ? new[] { Path.Combine(dir, name + ".cmd"), Path.Combine(dir, name + ".exe") } : new[] { Path.Combine(dir, name) })
            .FirstOrDefault(File.Exists);
}

using System.Diagnostics;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// The image worker: <c>Cognova.Engine.dll compile-images &lt;request&gt;</c>, started by a host in the background
/// after its work is done. It runs the ReadyToRun compiler on each assembly of the request, at low priority,
/// one at a time and one worker at a time (a second waits its turn), and moves an image into the store only
/// once it is complete and checked. It writes nothing to the console (no one reads it); <c>compile.log</c> in
/// the store says what it did.
/// </summary>
internal static class ImageCompiler
{
    public const string Command = "compile-images";

    private static readonly TimeSpan CompilerTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public static int Run(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            return 2;
        }

        var request = ImageRequest.Read(args[0]);
        File.Delete(args[0]);
        if (request is null)
        {
            return 2;
        }

        LowerPriority();
        var store = new ImageStore(request.ImageDirectory);
        Directory.CreateDirectory(store.Directory);
        // One worker compiles at a time; another waits its turn (its request may name assemblies the first does not).
        using var exclusive = WaitForLock(Path.Combine(store.Directory, ".compile.lock"));
        if (exclusive is null)
        {
            return 0; // waited too long: a later build asks again for what is still missing
        }

        foreach (var input in request.Inputs)
        {
            string? line;
            try
            {
                line = Compile(request, store, input);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                line = $"{Path.GetFileNameWithoutExtension(input)}: not compiled ({ex.Message})";
            }

            if (line is not null)
            {
                File.AppendAllText(Path.Combine(store.Directory, "compile.log"), $"{DateTimeOffset.UtcNow:O} {line}{Environment.NewLine}");
            }
        }

        return 0;
    }

    /// <summary>Compiles one assembly; returns the log line, or null when there was nothing to do.</summary>
    public static string? Compile(ImageRequest request, ImageStore store, string input)
    {
        var mvid = ImageStore.ReadModuleVersionId(input, out var precompiled);
        var name = Path.GetFileNameWithoutExtension(input);
        if (mvid is null || precompiled)
        {
            return null;
        }

        var image = store.ImagePath(name, mvid.Value);
        var failure = store.FailurePath(name, mvid.Value);
        if (File.Exists(failure) || (File.Exists(image) && ImageStore.IsImageOf(image, mvid.Value)))
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        var temporary = $"{image}.{Environment.ProcessId}.tmp";
        var responseFile = temporary + ".rsp";
        var started = Stopwatch.StartNew();
        try
        {
            File.WriteAllLines(responseFile, ResponseFile(request, input, temporary));
            var (exitCode, output) = RunCompiler(request.Compiler, responseFile);
            if (exitCode == 0 && ImageStore.IsImageOf(temporary, mvid.Value))
            {
                File.Move(temporary, image, overwrite: true);
                return $"{name} {mvid:N}: compiled in {started.ElapsedMilliseconds} ms";
            }

            // An input that went away (a cleaned bin/) is no failure of the compiler: a later build retries.
            if (!File.Exists(input))
            {
                return $"{name} {mvid:N}: the file went away while it was compiled";
            }

            File.WriteAllText(failure, $"exit code {exitCode}{Environment.NewLine}{output}");
            return $"{name} {mvid:N}: the compiler failed (exit code {exitCode}); see {failure}";
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(responseFile);
        }
    }

    private static IEnumerable<string> ResponseFile(ImageRequest request, string input, string output)
    {
        yield return input;
        yield return "--out:" + output;
        yield return "--targetos:" + Platform.TargetOs;
        yield return "--targetarch:" + Platform.TargetArchitecture;
        yield return "-O";
        foreach (var reference in request.References.Where(reference => reference != input))
        {
            yield return "--reference:" + reference;
        }
    }

    private static (int ExitCode, string Output) RunCompiler(string compiler, string responseFile)
    {
        var start = new ProcessStartInfo(compiler)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("@" + responseFile);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CompilerTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "the compiler ran longer than " + CompilerTimeout);
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static FileStream? WaitForLock(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(500);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static void LowerPriority()
    {
        try
        {
            Process.GetCurrentProcess().PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or PlatformNotSupportedException or InvalidOperationException)
        {
            // Normal priority then: the images are made all the same.
        }
    }
}

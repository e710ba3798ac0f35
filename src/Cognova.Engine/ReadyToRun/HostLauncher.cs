using System.Reflection;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// Runs the host's commands (<see cref="EngineMain"/>) in the <see cref="ImageLoadContext"/> when precompiled
/// images are on, or directly when they are off; then hands what was loaded without an image to the worker.
/// This class runs in the default load context and touches no application type: everything the commands use
/// loads in the image context, through a second copy of this assembly.
/// </summary>
internal static class HostLauncher
{
    /// <summary>The AppContext entry through which the commands' verbose log reports how the host was loaded.</summary>
    public const string ReportKey = "Cognova.Build.ReadyToRun";

    public static int Run(string[] args)
    {
        var settings = ReadyToRunSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        if (!settings.Enabled)
        {
            AppContext.SetData(ReportKey, (Func<string>)(() => "precompiled images: off (CognovaReadyToRun=false)"));
            return EngineMain.Run(args);
        }

        var trusted = TrustedAssemblies.FromAppContext();
        var store = new ImageStore(settings.ImageDirectory);
        var compiler = CompilerLocator.Find(settings.Compiler, CompilerLocator.PackageFolders());
        var context = new ImageLoadContext(trusted, store);
        AppContext.SetData(ReportKey, (Func<string>)(() => context.Describe() + CompilerNote(settings, compiler)));

        var run = EntryPoint(context);
        if (run is null)
        {
            AppContext.SetData(ReportKey, (Func<string>)(() => "precompiled images: off (the host could not load in a load context of its own)"));
            return EngineMain.Run(args);
        }

        int exitCode;
        using (context.EnterContextualReflection())
        {
            exitCode = (int)run.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [args], null)!;
        }

        ImageScheduler.CompileMissing(store, compiler, trusted, context.Assemblies);
        return exitCode;
    }

    /// <summary><see cref="EngineMain.Run"/> in the second copy of this assembly; null when that copy cannot load (the commands then run here, without images).</summary>
    private static MethodInfo? EntryPoint(ImageLoadContext context)
    {
        try
        {
            var engine = context.LoadFromAssemblyPath(typeof(HostLauncher).Assembly.Location);
            return engine.GetType(typeof(EngineMain).FullName!, throwOnError: true)!
                .GetMethod(nameof(EngineMain.Run), BindingFlags.Public | BindingFlags.Static);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException)
        {
            return null;
        }
    }

    /// <summary>The verbose line's end: which compiler makes the missing images, or why none are made.</summary>
    private static string CompilerNote(ReadyToRunSettings settings, string? compiler)
        => compiler is not null ? $"; missing images are made in the background with {compiler}"
            : settings.Compiler is not null ? $"; no images are made: the compiler {settings.Compiler} does not exist"
            : $"; no images are made: no ReadyToRun compiler (package Microsoft.NETCore.App.Crossgen2.{Platform.RuntimeIdentifier} {Environment.Version.Major}.x) in the NuGet package folders";
}

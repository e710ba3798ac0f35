using System.Runtime.InteropServices;

namespace Cognova.Engine.ReadyToRun;

/// <summary>The platform the host runs on, in the names the ReadyToRun compiler and its NuGet package use.</summary>
internal static class Platform
{
    /// <summary><c>linux</c>, <c>osx</c>, <c>windows</c>: the compiler's <c>--targetos</c>.</summary>
    public static string TargetOs =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
        : "linux";

    /// <summary><c>x64</c>, <c>arm64</c>, …: the compiler's <c>--targetarch</c>.</summary>
    public static string TargetArchitecture => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    /// <summary>The portable runtime identifier (<c>linux-x64</c>, <c>win-arm64</c>) that names the compiler's package.</summary>
    public static string RuntimeIdentifier => $"{(TargetOs == "windows" ? "win" : TargetOs)}-{TargetArchitecture}";
}

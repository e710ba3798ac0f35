using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class TrustedAssembliesTests
{
    [Fact]
    public void Files_under_the_shared_frameworks_stay_with_the_framework_and_the_rest_are_the_applications()
    {
        var separator = Path.PathSeparator;
        var list = string.Join(separator,
            "/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Linq.dll",
            "/dotnet/shared/Microsoft.AspNetCore.App/10.0.12/Microsoft.AspNetCore.Http.dll",
            "/home/dev/.nuget/packages/npgsql/10.0.3/lib/net10.0/Npgsql.dll",
            "/src/Api/bin/Debug/net10.0/Api.dll",
            "/dotnet/shared-elsewhere/Lookalike.dll");

        var trusted = TrustedAssemblies.Parse(list, "/dotnet/shared");

        Assert.Equal(2, trusted.FrameworkAssemblies.Count);
        Assert.Equal(["Api", "Lookalike", "Npgsql"], trusted.ApplicationAssemblies.Keys.Order(StringComparer.Ordinal));
        Assert.True(trusted.TryGetApplicationAssembly("npgsql", out var npgsql));
        Assert.Equal("/home/dev/.nuget/packages/npgsql/10.0.3/lib/net10.0/Npgsql.dll", npgsql);
        Assert.False(trusted.TryGetApplicationAssembly("System.Linq", out _));
    }

    [Fact]
    public void This_process_has_its_framework_on_the_trusted_list()
    {
        var trusted = TrustedAssemblies.FromAppContext();

        Assert.Contains(trusted.FrameworkAssemblies, path => Path.GetFileName(path) == "System.Private.CoreLib.dll");
        Assert.False(trusted.TryGetApplicationAssembly("System.Private.CoreLib", out _));
    }
}

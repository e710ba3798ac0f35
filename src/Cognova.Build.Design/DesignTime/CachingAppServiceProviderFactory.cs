using System.Reflection;
using Microsoft.EntityFrameworkCore.Design.Internal;

namespace Cognova.Build.Design.DesignTime;

/// <summary>
/// EF Core builds the application's service provider (running its host builder) every time it looks
/// for DbContext types. One check asks for the types and then for each context, so build it once.
/// </summary>
internal sealed class CachingAppServiceProviderFactory(Assembly startupAssembly, IOperationReporter reporter)
    : AppServiceProviderFactory(startupAssembly, reporter)
{
    private IServiceProvider? _services;

    public override IServiceProvider Create(string[] args) => _services ??= base.Create(args);
}

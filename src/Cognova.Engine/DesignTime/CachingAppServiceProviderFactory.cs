using System.Reflection;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// EF Core builds the application's service provider (running its host builder) every time it looks
/// for DbContext types. One check asks for the types and then for each context, so build it once; but
/// hand out a new scope each time, so that every context it creates is an instance of its own (a
/// DbContext registered with AddDbContext is scoped, and the check uses two at once).
/// </summary>
internal sealed class CachingAppServiceProviderFactory(Assembly startupAssembly, IOperationReporter reporter)
    : AppServiceProviderFactory(startupAssembly, reporter)
{
    private IServiceProvider? _services;

    /// <summary>The application's services once EF Core asked for them (looking for DbContext types does); null before.</summary>
    public IServiceProvider? Built => _services;

    public override IServiceProvider Create(string[] args)
    {
        _services ??= base.Create(args);
        return _services.GetService(typeof(IServiceScopeFactory)) is IServiceScopeFactory scopes
            ? scopes.CreateScope().ServiceProvider
            : _services;
    }
}

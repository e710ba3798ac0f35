using System.Reflection;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;

namespace Cognova.Bundle;

/// <summary>
/// Creates the application's DbContext as the build's checks (and dotnet ef) do, with the application
/// as the startup assembly and the context's own assembly as the migrations assembly: a design-time
/// factory, the application's host builder, or a parameterless constructor. A deploy job is not
/// development: without a configured environment the application starts as Production.
/// </summary>
public static class BundleContextFactory
{
    public static DbContext Create(BundleManifestData manifest, BundleOutput output)
    {
        if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null)
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Production");
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Production");
        }

        // The application configures the context (its host builder, AddDbContext); the context and its
        // migrations may live in a class library it references, as with dotnet ef --project Data --startup-project Api.
        var application = Assembly.Load(new AssemblyName(manifest.Application));
        var contextType = Assembly.Load(new AssemblyName(manifest.ContextAssembly)).GetType(manifest.ContextType)
                          ?? throw new BundleUsageException($"The bundle cannot find {manifest.ContextType} in {manifest.ContextAssembly}. Publish the project again.");
        var reporter = new Reporter(output);
        var operations = new DbContextOperations(reporter, contextType.Assembly, application, application.Location, AppContext.BaseDirectory, rootNamespace: null, language: "C#", nullable: true, args: []);
        try
        {
            return operations.CreateContext(contextType.AssemblyQualifiedName);
        }
        catch (Exception ex)
        {
            var inner = ex;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            throw new BundleUsageException($"Could not create {contextType.Name}: {inner.Message}");
        }
    }

    private sealed class Reporter(BundleOutput output) : IOperationReporter
    {
        public void WriteError(string message) => output.Verbose(message);

        public void WriteWarning(string message) => output.Verbose(message);

        public void WriteInformation(string message) => output.Verbose(message);

        public void WriteVerbose(string message) => output.Verbose(message);
    }
}

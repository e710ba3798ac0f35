using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the start-up migrations of Cognova.Migrations.</summary>
public static class CognovaMigrationsServiceCollectionExtensions
{
    /// <summary>
    /// Applies the pending migrations of <typeparamref name="TContext"/> when the host starts, before the
    /// app serves, under a PostgreSQL advisory lock so that one instance of several migrates. A failure is
    /// logged and the app keeps starting (unless <see cref="CognovaMigrationsOptions.FailFast"/>); the
    /// outcome is the <see cref="MigrationOutcome{TContext}"/> service and, with
    /// <c>AddHealthChecks().AddCognovaMigrations()</c>, a health check. Skipped in the Development
    /// environment unless <see cref="CognovaMigrationsOptions.RunInDevelopment"/>. Settings come from
    /// <paramref name="configure"/> and then from configuration under <c>Cognova:Migrations</c>, which wins.
    /// </summary>
    /// <remarks>Register <typeparamref name="TContext"/> too (<c>AddDbContext</c> or <c>AddDbContextFactory</c>).</remarks>
    public static IServiceCollection AddCognovaMigrations<TContext>(
        this IServiceCollection services,
        Action<CognovaMigrationsOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = CognovaMigrationsHostedService<TContext>.OptionsName;
        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        if (!services.Any(d => d.ServiceType == typeof(MigrationOutcome<TContext>)))
        {
            // Configuration after code, so that it wins. Without an IConfiguration (a bare container) only code counts.
            services.AddSingleton<IConfigureOptions<CognovaMigrationsOptions>>(provider =>
                new ConfigureNamedOptions<CognovaMigrationsOptions>(name, options =>
                    provider.GetService<IConfiguration>()?.GetSection(CognovaMigrationsOptions.SectionName).Bind(options)));
            services.AddSingleton<MigrationOutcome<TContext>>();
            services.AddSingleton<MigrationOutcome>(provider => provider.GetRequiredService<MigrationOutcome<TContext>>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CognovaMigrationsHostedService<TContext>>());
        return services;
    }
}

/// <summary>Adds the start-up migrations' health check.</summary>
public static class CognovaMigrationsHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check.</summary>
    public const string DefaultName = "cognova-migrations";

    /// <summary>
    /// Reports the outcome of the start-up migrations: Healthy when applied, up to date, skipped because
    /// another instance held the lock, or disabled; otherwise <paramref name="failureStatus"/> (Degraded
    /// by default, so the app keeps taking traffic with the schema it has) with the reason.
    /// </summary>
    public static IHealthChecksBuilder AddCognovaMigrations(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus failureStatus = HealthStatus.Degraded,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<CognovaMigrationsHealthCheck>(name, failureStatus, tags ?? []);
    }
}

using System.Reflection;
using Cognova.Model;
using Cognova.Studio.Catalog;
using Cognova.Studio.Data;
using Npgsql;

namespace Cognova.Studio.Api;

/// <summary>Everything the API's handlers share for one studio run.</summary>
internal sealed class StudioState : IAsyncDisposable
{
    public StudioState(StudioOptions options)
    {
        Options = options;
        DataSource = StudioDataSource.Create(options.ConnectionString, options.Writable);
        Model = new ModelIndex(string.IsNullOrWhiteSpace(options.ModelJson) ? null : ModelDescription.FromJson(options.ModelJson));
        Catalog = new CatalogReader(DataSource, Model);
        Browser = new TableBrowser(DataSource);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Session = new SessionInfo(
            !options.Writable,
            builder.Database ?? builder.Username ?? "",
            builder.Host ?? "",
            Model.ContextNames,
            Version,
            options.Production);
    }

    public StudioOptions Options { get; }

    public NpgsqlDataSource DataSource { get; }

    public ModelIndex Model { get; }

    public CatalogReader Catalog { get; }

    public TableBrowser Browser { get; }

    public SessionInfo Session { get; }

    public static string Version { get; } =
        typeof(StudioState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

/// <summary><c>GET /api/session</c>: what the page shows in its header. Never a password.</summary>
internal sealed record SessionInfo(bool ReadOnly, string Database, string Host, IReadOnlyList<string> Contexts, string Version, bool Production);

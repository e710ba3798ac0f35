using System.Net;
using System.Net.Sockets;
using Cognova.Studio.Api;
using Cognova.Studio.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cognova.Studio;

/// <summary>
/// One running studio: Kestrel on 127.0.0.1 and ::1 (never another interface), the security middleware in
/// front of everything, the API and the embedded UI. <see cref="Url"/> is the address to open; it carries the
/// token and is the only thing that does.
/// </summary>
public sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StudioState _state;

    private StudioServer(WebApplication app, StudioState state, StudioSecrets secrets, int port, IReadOnlyList<string> addresses)
    {
        _app = app;
        _state = state;
        Secrets = secrets;
        Port = port;
        Addresses = addresses;
    }

    public int Port { get; }

    /// <summary>The addresses Kestrel bound, e.g. <c>http://127.0.0.1:5123</c> and <c>http://[::1]:5123</c>.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The address without the token.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The address to open: it exchanges the token for the session cookie.</summary>
    public string Url => $"http://127.0.0.1:{Port}/?token={Secrets.Token}";

    internal StudioSecrets Secrets { get; }

    /// <param name="logging">Where the studio's log goes (none when null). ASP.NET Core's own request log, which would show the token in the URL, is off.</param>
    public static async Task<StudioServer> StartAsync(StudioOptions options, ILoggerProvider? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreeLoopbackPort();
            var state = new StudioState(options);
            var secrets = new StudioSecrets();
            var app = Build(state, secrets, port, logging);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
                StudioLog.Listening(app.Logger, string.Join(", ", addresses), options.Writable ? "read-write" : "read-only");
                return new StudioServer(app, state, secrets, port, addresses);
            }
            catch (IOException ex) when (options.Port is null && attempt < 5 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Another process took the free port between the probe and the bind: try another.
                await app.DisposeAsync().ConfigureAwait(false);
                await state.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                await state.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _state.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(StudioState state, StudioSecrets secrets, int port, ILoggerProvider? logging)
    {
        // The empty builder reads no appsettings.json, environment or command line: nothing in the
        // user's folder or shell can add an endpoint on another interface.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(StudioServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
            if (IPv6LoopbackAvailable(port))
            {
                kestrel.Listen(IPAddress.IPv6Loopback, port);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        // ASP.NET Core's request log writes each request's URL, the token's too: only its warnings pass.
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton(new StudioPort { Value = port });

        var app = builder.Build();
        app.UseMiddleware<StudioSecurityMiddleware>();
        app.UseMiddleware<ApiErrors>();
        app.UseRouting();
        StudioApi.Map(app, state);
        return app;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A machine (or container) without IPv6 has no ::1: the studio then listens on 127.0.0.1 alone.
    private static bool IPv6LoopbackAvailable(int port)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, port));
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported or SocketError.AccessDenied)
        {
            return false;
        }
        catch (SocketException)
        {
            // In use: Kestrel's bind reports it.
            return true;
        }
    }
}

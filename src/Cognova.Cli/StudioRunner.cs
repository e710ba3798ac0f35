using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cognova.Engine.Tool;
using Cognova.Migrations.Tooling;
using Cognova.Protocol;
using Cognova.Studio;

namespace Cognova.Cli;

/// <summary>
/// <c>dotnet cognova studio</c>: the design host writes the session file (connection, model, production verdict,
/// migrations), this process reads it, deletes it at once, and serves the studio until Ctrl+C.
/// </summary>
internal static class StudioRunner
{
    public static int Run(ProjectProperties project, ProjectProperties? startup, EngineRequest request, StudioSettings settings, CliConsole console)
    {
        var sessionFile = Path.Combine(Path.GetTempPath(), $"cognova-studio-{Guid.NewGuid():N}.json");
        StudioOptions options;
        try
        {
            var exitCode = DesignHost.Run(project, startup, request with { ResultFile = sessionFile });
            if (exitCode != ExitCodes.Success)
            {
                return exitCode;
            }

            options = ReadSession(File.ReadAllText(sessionFile), request.Write, settings.Port);
        }
        finally
        {
            File.Delete(sessionFile);
        }

        return Serve(options, settings, console);
    }

    internal static StudioOptions ReadSession(string json, bool writable, int? port)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new StudioOptions
        {
            ConnectionString = root.GetProperty("connection").GetString()!,
            ModelJson = root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object ? model.GetRawText() : null,
            MigrationsJson = root.TryGetProperty("migrations", out var migrations) && migrations.ValueKind == JsonValueKind.Object ? migrations.GetRawText() : null,
            Production = root.TryGetProperty("production", out var production) && production.ValueKind == JsonValueKind.True,
            Writable = writable,
            Port = port,
        };
    }

    private static int Serve(StudioOptions options, StudioSettings settings, CliConsole console)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        StudioServer server;
        try
        {
            server = StudioServer.StartAsync(options).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            console.Error($"The studio cannot listen on port {options.Port}: {ex.Message} Choose another with --port, or leave it out for a free one.");
            return ExitCodes.UsageError;
        }

        try
        {
            // The address goes to the terminal only, unmasked (the console masks anything named token): it is
            // how the user gets in. Nothing logs it.
            console.Data($"Cognova Studio: {server.Url}");
            console.Dim(options.Writable ? "Read-write: saved edits and SQL change the database." : "Read-only: PostgreSQL refuses writes (start with --write to edit).");
            if (!settings.NoOpen)
            {
                OpenBrowser(server.Url, console);
            }

            console.Dim("Press Ctrl+C to stop.");
            stop.Token.WaitHandle.WaitOne();
            return ExitCodes.Success;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>With a display, opens the default browser; without one (SSH, a container) the printed address is enough.</summary>
    private static void OpenBrowser(string url, CliConsole console)
    {
        ProcessStartInfo? start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(url) { UseShellExecute = true };
        }
        else if (OperatingSystem.IsMacOS())
        {
            start = new ProcessStartInfo("open", [url]);
        }
        else if (HasDisplay(Environment.GetEnvironmentVariable))
        {
            start = new ProcessStartInfo("xdg-open", [url]);
        }
        else
        {
            console.Dim("No display: open the address above in a browser.");
            return;
        }

        try
        {
            start.RedirectStandardOutput = !start.UseShellExecute;
            start.RedirectStandardError = !start.UseShellExecute;
            using var process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            console.Dim("Could not open a browser: open the address above.");
        }
    }

    internal static bool HasDisplay(Func<string, string?> environment)
        => !string.IsNullOrEmpty(environment("DISPLAY")) || !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY"));
}

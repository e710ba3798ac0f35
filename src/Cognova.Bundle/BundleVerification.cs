using System.Diagnostics;
using Cognova.Build.Design.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Bundle;

/// <summary>
/// Generates each migration's SQL on a second instance of the context, in the background, and compares
/// its hash with the lock while the runner connects, takes the lock and applies the migrations before
/// it. <see cref="WaitForAsync"/> holds a migration back until it and every migration before it matched;
/// after a mismatch it throws, so neither that migration nor any later one runs.
/// Call <see cref="BundleIntegrity.VerifyIds"/> first: the ids and their order are taken as matching.
/// </summary>
public sealed class BundleVerification : IDisposable
{
    private readonly Dictionary<string, int> positions;
    private readonly TaskCompletionSource[] matched;
    private readonly CancellationTokenSource stop = new();

    private BundleVerification(BundleManifestData manifest)
    {
        positions = manifest.Migrations.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        matched = manifest.Migrations.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
    }

    /// <summary>Starts verifying on the context <paramref name="createContext"/> makes (on the background thread), which it disposes.</summary>
    public static BundleVerification Start(Func<DbContext> createContext, BundleManifestData manifest, BundleOutput output)
    {
        var verification = new BundleVerification(manifest);
        _ = Task.Run(() => verification.Run(createContext, manifest, output));
        return verification;
    }

    /// <summary>Completes when <paramref name="migrationId"/> and every migration before it match the lock.</summary>
    public Task WaitForAsync(string migrationId, CancellationToken cancellationToken)
        => positions.TryGetValue(migrationId, out var position)
            ? matched[position].Task.WaitAsync(cancellationToken)
            : Task.FromException(BundleIntegrity.Mismatch([$"migration {migrationId} is not in the lock"]));

    public void Dispose() => stop.Cancel();

    private void Run(Func<DbContext> createContext, BundleManifestData manifest, BundleOutput output)
    {
        var clock = Stopwatch.StartNew();
        var position = 0;
        try
        {
            using var context = createContext();
            foreach (var script in MigrationScripts.Enumerate(context))
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                if (script.SqlHash != manifest.Migrations[position].Sql)
                {
                    FailFrom(position, BundleIntegrity.Mismatch([BundleIntegrity.SqlDiffers(script.Id)]));
                    return;
                }

                matched[position++].TrySetResult();
            }

            output.Verbose($"{manifest.Migrations.Count} migration(s) match the bundle's lock file ({clock.ElapsedMilliseconds} ms).");
        }
        catch (Exception e)
        {
            FailFrom(position, e);
        }
    }

    private void FailFrom(int position, Exception error)
    {
        for (var i = position; i < matched.Length; i++)
        {
            matched[i].TrySetException(error);
        }
    }
}

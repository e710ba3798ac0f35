using Cognova.Bundle;
using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;

// efbundle: see BundleCommandLine (and efbundle --help) and the README for the options and exit codes.

// Whatever reaches standard error is masked, also what the application writes there itself.
Console.SetError(new MaskingTextWriter(Console.Error));
var (read, exitCode) = new BundleCommandLine().Read(args, Console.Out, Console.Error);
if (read is not { } arguments)
{
    // Help or completions were printed, or the command line is wrong (one masked line on standard error).
    return exitCode;
}

var output = new BundleOutput(arguments, Console.Out, Console.Error);

// The application's own console logging (started with its host builder) would bury the bundle's
// lines: it goes nowhere, or to (masked) standard error with --verbose. The bundle writes to the real output.
Console.SetOut(arguments.Verbose ? Console.Error : TextWriter.Null);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var manifest = BundleManifestData.Read();
    var connection = ConnectionResolver.Resolve(arguments.Connection, Environment.GetEnvironmentVariables());
    var probe = arguments.Command == "migrate" && arguments.TargetMigration is null && connection is { } given
        ? await UpToDateProbe.ProbeAsync(given.ConnectionString, manifest, arguments.AllowUnknown, cancellation.Token)
        : null;
    if (probe is { IsUpToDate: true })
    {
        output.Success("No migrations were applied. The database is already up to date.");
        output.Outcome("up-to-date", ExitCodes.Success, Array.Empty<object>(), null);
        return ExitCodes.Success;
    }

    using var context = BundleContextFactory.Create(manifest, output);
    if (connection is { } chosen)
    {
        context.Database.SetConnectionString(chosen.ConnectionString);
        output.Verbose($"Connection from {chosen.Source}: {SecretMasker.MaskConnectionString(chosen.ConnectionString)}");
    }
    else if (string.IsNullOrEmpty(context.Database.GetConnectionString()))
    {
        throw new BundleUsageException("No connection string: pass --connection, or set DATABASE_URL or ConnectionStrings__<Name>.");
    }
    else
    {
        SecretMasker.RegisterConnectionString(context.Database.GetConnectionString());
        output.Verbose("Connection from the application's configuration: " + SecretMasker.MaskConnectionString(context.Database.GetConnectionString()!));
    }

    BundleIntegrity.VerifyIds(context, manifest);
    if (arguments.Command != "migrate")
    {
        BundleIntegrity.Verify(context, manifest);
        output.Verbose($"{manifest.Migrations.Count} migration(s) match the bundle's lock file.");
        return await new BundleRunner(context, arguments, output).RunAsync(cancellation.Token);
    }

    // Each migration is compared with the lock just before it runs, on the instance the migrator runs.
    var verification = new BundleVerification(context, manifest);
    var runner = new BundleRunner(context, arguments, output, verification.VerifyAsync) { AppliedMigrations = probe?.Applied };
    var outcome = await runner.RunAsync(cancellation.Token);
    output.Verbose($"{verification.Verified} migration(s) run matched the bundle's lock file.");
    return outcome;
}
catch (Exception ex) when (ex is BundleUsageException or ConnectionStringException)
{
    output.Error(ex.Message);
    output.Outcome("usage-error", ExitCodes.UsageError, Array.Empty<object>(), ex.Message);
    return ExitCodes.UsageError;
}
catch (Exception ex) when (DatabaseErrors.IsConnectionProblem(ex))
{
    output.Error("Cannot reach the database: " + DatabaseErrors.Describe(ex));
    output.Outcome("unreachable", ExitCodes.DatabaseUnreachable, Array.Empty<object>(), DatabaseErrors.Describe(ex));
    return ExitCodes.DatabaseUnreachable;
}
catch (Exception ex)
{
    output.Error(arguments.Verbose ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}");
    output.Outcome("failed", ExitCodes.Failed, Array.Empty<object>(), $"{ex.GetType().Name}: {ex.Message}");
    return ExitCodes.Failed;
}

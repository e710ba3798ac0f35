using Cognova.Bundle;
using Cognova.Migrations;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;

// efbundle: see BundleArguments.Usage and the README for the options and exit codes.

// Whatever reaches standard error is masked, also what the application writes there itself.
Console.SetError(new MaskingTextWriter(Console.Error));
BundleArguments arguments;
try
{
    arguments = BundleArguments.Parse(args);
}
catch (BundleUsageException ex)
{
    Console.Error.WriteLine(SecretMasker.MaskText(ex.Message));
    return BundleExitCodes.UsageError;
}

var output = new BundleOutput(arguments, Console.Out, Console.Error);
if (arguments.Help)
{
    Console.WriteLine(BundleArguments.Usage);
    return BundleExitCodes.Success;
}

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
    if (arguments.Command == "migrate" && arguments.TargetMigration is null && connection is { } given
        && await UpToDateProbe.IsUpToDateAsync(given.ConnectionString, manifest, arguments.AllowUnknown, cancellation.Token))
    {
        output.Success("No migrations were applied. The database is already up to date.");
        output.Outcome("up-to-date", BundleExitCodes.Success, Array.Empty<object>(), null);
        return BundleExitCodes.Success;
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

    // The SQL is verified in the background while the runner connects and applies what already matched.
    using var verification = BundleVerification.Start(BundleContextFactory.Another(context, manifest, output), manifest, output);
    return await new BundleRunner(context, arguments, output, verification.WaitForAsync).RunAsync(cancellation.Token);
}
catch (BundleUsageException ex)
{
    output.Error(ex.Message);
    output.Outcome("usage-error", BundleExitCodes.UsageError, Array.Empty<object>(), ex.Message);
    return BundleExitCodes.UsageError;
}
catch (Exception ex) when (DatabaseErrors.IsConnectionProblem(ex))
{
    output.Error("Cannot reach the database: " + DatabaseErrors.Describe(ex));
    output.Outcome("unreachable", BundleExitCodes.DatabaseUnreachable, Array.Empty<object>(), DatabaseErrors.Describe(ex));
    return BundleExitCodes.DatabaseUnreachable;
}
catch (Exception ex)
{
    output.Error(arguments.Verbose ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}");
    output.Outcome("failed", BundleExitCodes.MigrationFailed, Array.Empty<object>(), $"{ex.GetType().Name}: {ex.Message}");
    return BundleExitCodes.MigrationFailed;
}

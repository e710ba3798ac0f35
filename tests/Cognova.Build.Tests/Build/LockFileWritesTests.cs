using Cognova.Build.Tests.Lock;
using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;

namespace Cognova.Build.Tests.Build;

/// <summary>The lock files are written from the result, in one step after the check; a failure is an error in the result.</summary>
public sealed class LockFileWritesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-lockwrites-").FullName;

    [Fact]
    public void The_lock_files_of_the_result_are_written_and_the_result_is_unchanged()
    {
        var path = Path.Combine(_directory, "migrations.lock.json");
        var result = Result(new LockWrite(path, LockWith("20240101000000_Init")));

        var after = LockFileWrites.Perform(result, new HostLog(TextWriter.Null, verbose: false));

        Assert.Same(result, after);
        var written = LockFileSerializer.Read(path);
        Assert.Equal(["20240101000000_Init"], written.For("ShopContext").Migrations.Select(m => m.Id));
    }

    [Fact]
    public void A_lock_file_that_cannot_be_written_is_COG3010_at_its_path()
    {
        var path = Path.Combine(_directory, "missing-folder", "migrations.lock.json");
        File.WriteAllText(Path.Combine(_directory, "missing-folder"), "a file where the folder should be");

        var after = LockFileWrites.Perform(Result(new LockWrite(path, LockWith("20240101000000_Init"))), new HostLog(TextWriter.Null, verbose: false));

        var error = Assert.Single(after.Diagnostics);
        Assert.Equal((DiagnosticCodes.LockFileNotWritten, DiagnosticSeverity.Error, path), (error.Code, error.Severity, error.File));
        Assert.StartsWith("The lock file could not be written: ", error.Message);
        Assert.Equal(1, after.ErrorCount);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CheckResult Result(params LockWrite[] writes) => CheckResult.Empty with { LockWrites = writes };

    private static LockFile LockWith(string migrationId)
    {
        var file = new LockFile();
        LockVerifier.Append(file.For("ShopContext"), LockTestData.Script(migrationId, "CREATE TABLE tags (id int);"));
        return file;
    }
}

using Cognova.Engine.Lock;
using static Cognova.Build.Tests.Lock.LockTestData;

namespace Cognova.Build.Tests.Lock;

public sealed class LockFileStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-lock-store-").FullName;

    [Fact]
    public void A_read_only_store_never_writes_whatever_changed()
    {
        var path = Path.Combine(_directory, "migrations.lock.json");
        var store = new LockFileStore(readOnly: true);
        LockVerifier.Append(store.Get(path)!.For("AppDbContext"), Script("20240101000000_Init", "SELECT 1;"));

        store.MarkChanged(path);
        var saved = store.SaveChanged();

        Assert.Empty(saved);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_version_1_file_is_written_back_as_the_current_version()
    {
        var path = Path.Combine(_directory, "migrations.lock.json");
        File.WriteAllText(path, "{\"version\":1,\"contexts\":{\"AppDbContext\":{\"migrations\":[{\"id\":\"20240101000000_Init\",\"sql\":\"sha256:a\",\"chain\":\""
                                + LockChain.Next(null, "20240101000000_Init", "sha256:a")
                                + "\",\"approvals\":[{\"rule\":\"COG2101\",\"statement\":\"sha256:s\",\"reason\":\"ok\"}]}]}}}");
        var store = new LockFileStore();
        var before = store.Get(path)!;
        Assert.Equal(1, before.Version);

        store.MarkChanged(path);
        store.SaveChanged();

        var after = LockFileSerializer.Read(path);
        Assert.Equal(LockFile.CurrentVersion, after.Version);
        Assert.Empty(LockVerifier.ChainProblems(after.Contexts["AppDbContext"]));
        Assert.NotEqual(LockChain.Next(null, "20240101000000_Init", "sha256:a"), after.Contexts["AppDbContext"].Migrations[0].Chain);
    }

    [Fact]
    public void A_lock_file_that_cannot_be_written_is_a_write_error_naming_it()
    {
        var blocker = Path.Combine(_directory, "Program.cs");
        File.WriteAllText(blocker, "// a file, not a folder");
        var path = Path.Combine(blocker, "migrations.lock.json");
        var store = new LockFileStore();
        LockVerifier.Append(store.Get(path)!.For("AppDbContext"), Script("20240101000000_Init", "SELECT 1;"));
        store.MarkChanged(path);

        var error = Assert.Throws<LockFileWriteException>(() => store.SaveChanged());

        Assert.Equal(path, error.Path);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

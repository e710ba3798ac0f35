using System.Security.Cryptography;
using System.Text;
using Cognova.Engine;
using Cognova.Engine.Cache;
using Cognova.Engine.Sources;

namespace Cognova.Build.Tests.Cache;

/// <summary>
/// A source file's hash is taken from the last check's memo only while its size and write time are unchanged, and
/// only when it was written well before it was read; a memo that cannot be read is not trusted.
/// </summary>
public sealed class SourceHashMemoTests : IDisposable
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-1);

    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-source-hashes-").FullName;
    private readonly string _file;

    public SourceHashMemoTests() => _file = Path.Combine(_directory, "20240101000000_AddTags.cs");

    [Fact]
    public void A_file_whose_size_and_write_time_are_unchanged_is_not_read_again()
    {
        WriteFile("drop table a;", LongAgo);
        var first = HashAndSave();

        // The blind spot every time-stamp check shares: the same size and write time with other content.
        WriteFile("drop table b;", LongAgo);

        Assert.Equal(Sha("drop table a;"), first);
        Assert.Equal(first, HashAndSave());
    }

    [Fact]
    public void A_new_write_time_hashes_the_file_again()
    {
        WriteFile("drop table a;", LongAgo);
        HashAndSave();

        WriteFile("drop table b;", LongAgo.AddSeconds(1));

        Assert.Equal(Sha("drop table b;"), HashAndSave());
    }

    [Fact]
    public void A_new_size_with_the_same_write_time_hashes_the_file_again()
    {
        WriteFile("drop table a;", LongAgo);
        HashAndSave();

        WriteFile("drop table longer;", LongAgo);

        Assert.Equal(Sha("drop table longer;"), HashAndSave());
    }

    [Fact]
    public void A_file_written_just_before_it_was_read_is_not_remembered()
    {
        var now = DateTime.UtcNow;
        WriteFile("drop table a;", now);
        HashAndSave();

        // Written again within the same tick of a coarse clock: the same stamp, other content.
        WriteFile("drop table b;", now);

        Assert.Equal(Sha("drop table b;"), HashAndSave());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\":1,\"files\":[{\"path\":\"x\",\"length\":1,\"written\":1,\"sha256\":\"not a hash\"}]}")]
    [InlineData("{\"format\":99,\"files\":[]}")]
    public void A_memo_that_cannot_be_trusted_is_ignored_and_written_again(string damaged)
    {
        WriteFile("drop table a;", LongAgo);
        HashAndSave();
        var memo = Path.Combine(_directory, SourceHashMemo.FileName);
        var good = File.ReadAllText(memo);
        File.WriteAllText(memo, damaged);

        Assert.Equal(Sha("drop table a;"), HashAndSave());
        Assert.Equal(good, File.ReadAllText(memo));
    }

    [Fact]
    public void A_file_no_longer_hashed_leaves_the_memo()
    {
        var other = Path.Combine(_directory, "Other.cs");
        File.WriteAllText(other, "class Other;");
        File.SetLastWriteTimeUtc(other, LongAgo);
        WriteFile("drop table a;", LongAgo);
        HashAndSave(_file, other);

        HashAndSave();

        Assert.DoesNotContain("Other.cs", File.ReadAllText(Path.Combine(_directory, SourceHashMemo.FileName)));
    }

    [Fact]
    public void Without_a_memo_every_file_is_read()
    {
        WriteFile("drop table a;", LongAgo);
        Assert.Equal(Sha("drop table a;"), new MigrationSourceFiles(new SourceIndex([_file]), SourceHashMemo.None()).Hash(_file));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>One check's worth: the memo loaded, the files hashed, the memo saved; the hash of the first file.</summary>
    private string? HashAndSave(params string[] files)
    {
        files = files.Length == 0 ? [_file] : files;
        var log = new HostLog(TextWriter.Null, verbose: false);
        var memo = SourceHashMemo.Load(_directory, log);
        var sources = new MigrationSourceFiles(new SourceIndex(files), memo);
        var hashes = files.Select(sources.Hash).ToList();
        memo.Save(log);
        return hashes[0];
    }

    private void WriteFile(string text, DateTime writtenUtc)
    {
        File.WriteAllText(_file, text);
        File.SetLastWriteTimeUtc(_file, writtenUtc);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

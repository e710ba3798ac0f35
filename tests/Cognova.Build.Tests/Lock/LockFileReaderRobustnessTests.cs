using System.Text;
using Cognova.Engine.Lock;
using static Cognova.Build.Tests.Lock.LockTestData;

namespace Cognova.Build.Tests.Lock;

/// <summary>Whatever a lock file holds, reading it gives a model or a <see cref="LockFileFormatException"/> that says what is wrong.</summary>
public sealed class LockFileReaderRobustnessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-lock-read-").FullName;

    [Theory]
    [InlineData("{\"version\":1.5,\"contexts\":{}}", "\"version\" in the file should be a whole number such as 2, not 1.5")]
    [InlineData("{\"version\":1e400,\"contexts\":{}}", "\"version\" in the file should be a whole number")]
    [InlineData("{\"version\":99999999999999999999,\"contexts\":{}}", "\"version\" in the file should be a whole number")]
    [InlineData("{\"version\":\"1\",\"contexts\":{}}", "\"version\" in the file should be a JSON number, not string")]
    [InlineData("{\"version\":null,\"contexts\":{}}", "\"version\" in the file should be a JSON number, not null")]
    [InlineData("{\"version\":0,\"contexts\":{}}", "its version is 0; there is no such lock file version")]
    [InlineData("{\"version\":-1,\"contexts\":{}}", "its version is -1")]
    [InlineData("{\"version\":1,\"contexts\":null}", "\"contexts\" in the file should be a JSON object, not null")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":null}}}", "\"migrations\" in context 'A' should be a JSON array, not null")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":[]}}", "context 'A' should be a JSON object, not array")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":7,\"sql\":\"s\",\"chain\":\"c\"}]}}}", "\"id\" in context 'A' migrations should be a JSON string, not number")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":\"x\",\"sql\":\"s\",\"chain\":\"c\",\"approvals\":{}}]}}}", "\"approvals\" in context 'A' migration 'x' should be a JSON array, not object")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":\"x\",\"sql\":\"s\",\"chain\":\"c\",\"approvals\":[{\"rule\":\"COG2101\",\"statement\":\"s\",\"reason\":null}]}]}}}", "\"reason\" in context 'A' migration 'x' approval should be a JSON string, not null")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":\"x\",\"sql\":\"s\",\"chain\":\"c\"},{\"id\":\"x\",\"sql\":\"s\",\"chain\":\"c\"}]}}}", "context 'A' lists migration 'x' twice")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":\"\\ud800\",\"sql\":\"s\",\"chain\":\"c\"}]}}}", "it holds a value that cannot be read")]
    public void A_wrong_value_anywhere_is_a_format_error_that_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<LockFileFormatException>(() => LockFileSerializer.Parse(json));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_context_key_duplicated_by_a_merge_is_a_format_error_with_its_line()
    {
        const string json = "{\n  \"version\": 1,\n  \"contexts\": {\n    \"A\": { \"migrations\": [] },\n    \"A\": { \"migrations\": [] }\n  }\n}\n";

        var error = Assert.Throws<LockFileFormatException>(() => LockFileSerializer.Parse(json));

        Assert.StartsWith("it is not valid JSON", error.Message);
        Assert.Contains("'A'", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_read_past()
    {
        var json = LockFileSerializer.Serialize(SampleFile());

        Assert.Single(LockFileSerializer.Parse("\uFEFF" + json).Contexts["AppDbContext"].Migrations);
        var path = Path.Combine(_directory, "bom.json");
        File.WriteAllText(path, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Single(LockFileSerializer.Read(path).Contexts["AppDbContext"].Migrations);
    }

    [Fact]
    public void A_lock_path_that_is_a_directory_is_a_format_error_in_the_reader_and_the_store()
    {
        var path = Directory.CreateDirectory(Path.Combine(_directory, "migrations.lock.json")).FullName;

        var read = Assert.Throws<LockFileFormatException>(() => LockFileSerializer.Read(path));
        var stored = Assert.Throws<LockFileFormatException>(() => new LockFileStore().Get(path));

        Assert.StartsWith("the path is a directory", read.Message);
        Assert.StartsWith("the path is a directory", stored.Message);
    }

    [Fact]
    public void A_lock_file_of_several_megabytes_is_read()
    {
        var file = new LockFile();
        var context = file.For("AppDbContext");
        for (var i = 0; i < 20_000; i++)
        {
            LockVerifier.Append(context, Script($"2024{i:D10}_M{i}", $"SELECT {i};"));
        }

        var json = LockFileSerializer.Serialize(file);
        var read = LockFileSerializer.Parse(json);

        Assert.True(json.Length > 4_000_000, $"{json.Length} characters");
        Assert.Equal(20_000, read.Contexts["AppDbContext"].Migrations.Count);
        Assert.Empty(LockVerifier.ChainProblems(read.Contexts["AppDbContext"]));
    }

    [Fact]
    public void A_version_1_file_is_read_with_the_version_1_chain()
    {
        var json = "{\"version\":1,\"contexts\":{\"AppDbContext\":{\"migrations\":[{\"id\":\"20240101000000_Init\",\"sql\":\"sha256:a\",\"chain\":\""
                   + LockChain.Next(null, "20240101000000_Init", "sha256:a")
                   + "\",\"approvals\":[{\"rule\":\"COG2101\",\"statement\":\"sha256:s\",\"reason\":\"ok\"}]}]}}}";

        var file = LockFileSerializer.Parse(json);

        Assert.Equal(1, file.Version);
        Assert.Equal(1, file.Contexts["AppDbContext"].ChainVersion);
        Assert.Empty(LockVerifier.ChainProblems(file.Contexts["AppDbContext"]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static LockFile SampleFile()
    {
        var file = new LockFile();
        var entry = LockVerifier.Append(file.For("AppDbContext"), Script("20240101000000_Init", "DROP TABLE x;"));
        entry.Approvals.Add(new Approval("COG2111", "sha256:bb", "legacy table", "DROP TABLE x"));
        LockChain.Rechain(file.For("AppDbContext"));
        return file;
    }
}

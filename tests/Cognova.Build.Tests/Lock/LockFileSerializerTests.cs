using Cognova.Engine.Lock;
using static Cognova.Build.Tests.Lock.LockTestData;

namespace Cognova.Build.Tests.Lock;

public sealed class LockFileSerializerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-lock-").FullName;

    [Fact]
    public void Round_trips_with_stable_order_two_space_indentation_and_a_final_newline()
    {
        var file = new LockFile();
        var entry = LockVerifier.Append(file.For("ZContext"), Script("20240101000000_Init", "DROP TABLE x;"));
        entry.Approvals.Add(new Approval("COG2111", "sha256:bb", "second", null));
        entry.Approvals.Add(new Approval("COG2101", "sha256:aa", "legacy table, backed up", "DROP TABLE x"));
        LockVerifier.Append(file.For("AContext"), Script("20240101000000_Init", "SELECT 1;"));

        var json = LockFileSerializer.Serialize(file);

        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
        Assert.StartsWith("{\n  \"version\": 2,\n  \"contexts\": {\n    \"AContext\": {", json);
        Assert.True(json.IndexOf("COG2101", StringComparison.Ordinal) < json.IndexOf("COG2111", StringComparison.Ordinal));
        Assert.Equal(json, LockFileSerializer.Serialize(LockFileSerializer.Parse(json)));
        var read = LockFileSerializer.Parse(json).Contexts["ZContext"].Migrations.Single();
        Assert.Equal(("20240101000000_Init", entry.Sql, entry.Chain), (read.Id, read.Sql, read.Chain));
        Assert.Contains(read.Approvals, a => a is { Rule: "COG2101", Reason: "legacy table, backed up", Sql: "DROP TABLE x" });
    }

    [Fact]
    public void Invalid_json_reports_its_line_and_column()
    {
        var error = Assert.Throws<LockFileFormatException>(() => LockFileSerializer.Parse("{\n  \"version\": 1,\n  \"contexts\": {\n    \"A\": [ oops ]\n  }\n}\n"));

        Assert.Equal(4, error.Line);
        Assert.True(error.Column > 1);
        Assert.StartsWith("it is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("[]", "the file should be a JSON object, not array")]
    [InlineData("{\"version\":1}", "the file has no \"contexts\"")]
    [InlineData("{\"version\":3,\"contexts\":{}}", "its version is 3; this Cognova.Build reads versions 1 to 2. Update Cognova.Build.")]
    [InlineData("{\"version\":1,\"contexts\":{\"A\":{\"migrations\":[{\"id\":\"x\",\"sql\":\"s\"}]}}}", "context 'A' migration 'x' has no \"chain\"")]
    public void A_structurally_wrong_file_says_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<LockFileFormatException>(() => LockFileSerializer.Parse(json));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Writing_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_directory, "migrations.lock.json");
        File.WriteAllText(path, "old content");
        var file = new LockFile();
        LockVerifier.Append(file.For("AppDbContext"), Script("20240101000000_Init", "SELECT 1;"));

        LockFileSerializer.Write(path, file);

        Assert.Equal(LockFileSerializer.Serialize(file), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

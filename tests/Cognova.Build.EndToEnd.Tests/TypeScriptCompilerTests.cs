using System.Text.Json;
using Cognova.Build.Testing;
using Cognova.Sample.Data;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The generated TypeScript compiles with the strictest settings (tsc --strict --exactOptionalPropertyTypes
/// --erasableSyntaxOnly, TypeScript pinned in a committed package-lock.json), and real JSON the serializer
/// writes satisfies the select shapes. Needs Node.js and npm; without them these tests fail, saying so.
/// </summary>
public sealed class TypeScriptCompilerTests
{
    [Fact]
    public void The_type_zoo_compiles_and_its_real_json_satisfies_the_select_shapes()
    {
        var result = TypeScriptProject.Compile(Path.Combine(RepositoryPaths.Root, "tests", "typescript"));

        Assert.True(result.ExitCode == 0, "tsc failed:\n" + result.All);
    }

    [Fact]
    public void The_sample_web_consumer_compiles_against_the_generated_types_and_the_samples_json_satisfies_them()
    {
        var options = SampleJson.Options;
        var creator = new User { Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), Name = "Ada", Email = "ada@example.com", CreatedAt = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero) };
        var tag = new Tag { Id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Name = "urgent", Color = "#ff0000", CreatedAt = new DateTimeOffset(2024, 5, 2, 8, 30, 0, TimeSpan.FromHours(2)), CreatedBy = creator.Id, Creator = creator };
        var unowned = new Tag { Name = "later", Color = "#00ff00" };
        var user = new User { Id = creator.Id, Name = "Ada", Email = "ada@example.com" };
        user.Tags.Add(new Tag { Name = "mine", Color = "#0000ff", CreatedBy = creator.Id });
        var wire = string.Join("\n",
        [
            "import type { NewTag, NewUser, TagWithRelations, UserWithRelations, With } from \"./db.types\";",
            $"export const tag = {JsonSerializer.Serialize(tag, options)} satisfies With<\"Tag\", \"creator\">;",
            $"export const unowned = {JsonSerializer.Serialize(unowned, options)} satisfies TagWithRelations;",
            $"export const user = {JsonSerializer.Serialize(user, options)} satisfies UserWithRelations;",
            // The smallest inserts TypeScriptInsertTests puts into PostgreSQL.
            $"export const newUser = {SampleJson.MinimalNewUser} satisfies NewUser;",
            $"export const newTag = {SampleJson.MinimalNewTag} satisfies NewTag;",
            "",
        ]);

        var result = TypeScriptProject.Compile(Path.Combine(RepositoryPaths.Samples, "web"), ("src/sample.wire.ts", wire));

        Assert.True(result.ExitCode == 0, "tsc failed:\n" + result.All + "\n" + wire);
    }
}

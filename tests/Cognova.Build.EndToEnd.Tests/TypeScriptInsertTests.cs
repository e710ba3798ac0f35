using System.Text.Json;
using Cognova.Build.Testing.Postgres;
using Cognova.Sample.Data;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The generated insert shapes leave out what the database fills in: the smallest JSON they accept (compiled
/// against NewTag and NewUser by TypeScriptCompilerTests), read by the sample's serializer and inserted through
/// EF Core into a real PostgreSQL, gets its id and created_at from the database's defaults.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TypeScriptInsertTests(PostgresServer server)
{
    [Fact]
    public async Task The_smallest_insert_shapes_insert_and_the_database_fills_the_optional_columns()
    {
        var connectionString = await server.CreateDatabaseAsync("sample_insert_shapes");
        using (var db = NewContext(connectionString))
        {
            db.Database.Migrate();
        }

        Guid userId, tagId;
        using (var db = NewContext(connectionString))
        {
            var user = JsonSerializer.Deserialize<User>(SampleJson.MinimalNewUser, SampleJson.Options)!;
            var tag = JsonSerializer.Deserialize<Tag>(SampleJson.MinimalNewTag, SampleJson.Options)!;
            db.AddRange(user, tag);
            await db.SaveChangesAsync();
            (userId, tagId) = (user.Id, tag.Id);
        }

        using (var db = NewContext(connectionString))
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            var tag = await db.Tags.AsNoTracking().SingleAsync(t => t.Id == tagId);
            Assert.NotEqual(Guid.Empty, user.Id);
            Assert.NotEqual(Guid.Empty, tag.Id);
            Assert.True(user.CreatedAt > DateTimeOffset.UnixEpoch, "created_at comes from the database's now()");
            Assert.True(tag.CreatedAt > DateTimeOffset.UnixEpoch, "created_at comes from the database's now()");
            Assert.Equal(("Ada", "urgent", (Guid?)null), (user.Name, tag.Name, tag.CreatedBy));
        }
    }

    private static AppDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
}

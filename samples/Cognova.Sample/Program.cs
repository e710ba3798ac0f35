using Cognova.Sample.Data;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// The connection string comes from configuration (ConnectionStrings__Default or appsettings).
// Design-time tools (dotnet ef, the Cognova.Build checks) build the model without connecting.
builder.Services.AddDbContext<AppDbContext>(options =>
    options.UseNpgsql(builder.Configuration.GetConnectionString("Default")));

var app = builder.Build();

app.MapGet("/tags", async (AppDbContext db) =>
    await db.Tags.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Color, t.CreatedAt }).ToListAsync());

app.MapPost("/tags", async (AppDbContext db, NewTag input) =>
{
    var tag = new Tag { Name = input.Name, Color = input.Color };
    db.Tags.Add(tag);
    await db.SaveChangesAsync();
    return Results.Created($"/tags/{tag.Id}", new { tag.Id, tag.Name, tag.Color });
});

app.Run();

internal sealed record NewTag(string Name, string Color);

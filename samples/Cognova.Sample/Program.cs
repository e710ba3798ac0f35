using Cognova.Sample.Data;
using Microsoft.EntityFrameworkCore;
using Cognova.Migrations;

var builder = WebApplication.CreateBuilder(args);

// The connection string comes from configuration (ConnectionStrings__Default or appsettings).
// Design-time tools (dotnet ef, the Cognova.Build checks) build the model without connecting.
builder.Services.AddDbContext<AppDbContext>(options =>
    options.UseNpgsql(builder.Configuration.GetConnectionString("Default")));

// Applies pending migrations at start-up, before the app serves, under a PostgreSQL advisory lock (one
// instance of several migrates). A failure is logged and the app keeps serving with the schema it has.
// Settings: the Cognova:Migrations section of appsettings*.json, or Cognova__Migrations__* variables.
builder.Services.AddCognovaMigrations<AppDbContext>();
builder.Services.AddHealthChecks().AddCognovaMigrations();

var app = builder.Build();

// Healthy, or Degraded with the reason (e.g. "AppDbContext: failed: Migration … failed: 42P07: …").
app.MapHealthChecks("/health");

// What the start-up migrations did, for people and dashboards.
app.MapGet("/migrations", (MigrationOutcome<AppDbContext> outcome) => new
{
    Status = outcome.Status.ToString(),
    Applied = outcome.Result?.Applied.Select(m => m.Id) ?? [],
    outcome.Result?.FailedMigration,
    outcome.Reason,
});

// When the database could not be reached at start-up, the tag endpoints say so instead of failing
// request by request; after a failed migration they keep working on the schema the database has.
var tags = app.MapGroup("/tags").AddEndpointFilter(async (context, next) =>
    context.HttpContext.RequestServices.GetRequiredService<MigrationOutcome<AppDbContext>>() is { Status: MigrationOutcomeStatus.Unreachable } outcome
        ? Results.Problem($"The database is not available: {outcome.Reason}", statusCode: StatusCodes.Status503ServiceUnavailable)
        : await next(context));

tags.MapGet("", async (AppDbContext db) =>
    await db.Tags.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Color, t.CreatedAt }).ToListAsync());

tags.MapPost("", async (AppDbContext db, NewTag input) =>
{
    var tag = new Tag { Name = input.Name, Color = input.Color };
    db.Tags.Add(tag);
    await db.SaveChangesAsync();
    return Results.Created($"/tags/{tag.Id}", new { tag.Id, tag.Name, tag.Color });
});

app.Run();

internal sealed record NewTag(string Name, string Color);

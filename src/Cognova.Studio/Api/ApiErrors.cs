using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cognova.Studio.Api;

/// <summary>
/// Turns a failed API call into <c>{ "error": "…" }</c> with a status: the studio's own refusals as they are,
/// PostgreSQL's errors with their SQLSTATE and position (400), an unreachable server 503. Never a stack trace;
/// PostgreSQL's messages carry no password.
/// </summary>
internal sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser went away.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, body) = Describe(ex);
            if (status >= 500)
            {
                StudioLog.RequestFailed(logger, context.Request.Method, context.Request.Path.Value ?? "", body.Error);
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(body, StudioJson.Options).ConfigureAwait(false);
        }
    }

    internal static (int Status, ApiError Body) Describe(Exception ex) => ex switch
    {
        StudioRequestException refused => (refused.Status, new ApiError(refused.Message)),
        Edits.ChangeFailedException failed => (400, new ApiError(failed.Message, failed.Postgres.SqlState, failed.Postgres.Position > 0 ? failed.Postgres.Position : null, failed.Index)),
        PostgresException postgres => (400, new ApiError(postgres.MessageText, postgres.SqlState, postgres.Position > 0 ? postgres.Position : null)),
        NpgsqlException npgsql => (503, new ApiError("Cannot reach the database: " + npgsql.Message)),
        BadHttpRequestException bad => (bad.StatusCode, new ApiError(bad.Message)),
        _ => (500, new ApiError("The studio failed: " + ex.GetType().Name)),
    };
}

internal sealed record ApiError(
    string Error,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SqlState = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Position = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Index = null);

namespace RealHistory.Data;

public class AuditLogEntry
{
    public long Id { get; set; }

    public string EntityName { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Action { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Details { get; set; }
}

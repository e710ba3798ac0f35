namespace Cognova.Sample.Data;

public sealed class Tag
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Color { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public User? Creator { get; set; }
}

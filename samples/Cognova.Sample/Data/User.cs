namespace Cognova.Sample.Data;

public sealed class User
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Tag> Tags { get; } = [];
}

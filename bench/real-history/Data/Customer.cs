namespace RealHistory.Data;

public class Customer
{
    public int Id { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    public List<Order> Orders { get; set; } = new();

    public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Address> Addresses { get; set; } = new();

    public string? NormalizedEmail { get; set; }

    public int LoyaltyTier { get; set; }
}

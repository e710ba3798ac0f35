namespace RealHistory.Data;

public class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    public List<OrderLine> Lines { get; set; } = new();

    public string Status { get; set; } = "pending";

    public decimal Total { get; set; }

    public int? CouponId { get; set; }

    public Coupon? Coupon { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public long Number { get; set; }
}

namespace RealHistory.Data;

public class Coupon
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public int PercentOff { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }
}

using Cognova.Studio.Security;

namespace Cognova.Studio.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SecurityRuleTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("LOCALHOST:5000", true)]
    [InlineData("127.0.0.1:5001", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("evil.example:5000", false)]
    [InlineData("127.0.0.1.evil.example:5000", false)]
    [InlineData("localhost.:5000", false)]
    [InlineData("0.0.0.0:5000", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_loopback_names_on_the_studios_port_are_accepted_hosts(string? host, bool allowed)
        => Assert.Equal(allowed, RequestOrigin.IsAllowedHost(host, 5000));

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("https://127.0.0.1:5000", false)]
    [InlineData("http://localhost:5000", false)]
    [InlineData("http://127.0.0.1:5001", false)]
    [InlineData("null", false)]
    [InlineData("https://evil.example", false)]
    public void Only_the_same_origin_is_accepted(string? origin, bool allowed)
        => Assert.Equal(allowed, RequestOrigin.IsSameOrigin(origin, "127.0.0.1:5000"));

    [Fact]
    public void Secrets_are_256_random_bits_and_compare_exactly()
    {
        var secrets = new StudioSecrets();
        Assert.Matches("^[0-9a-f]{64}$", secrets.Token);
        Assert.Matches("^[0-9a-f]{64}$", secrets.SessionId);
        Assert.NotEqual(secrets.Token, secrets.SessionId);
        Assert.NotEqual(secrets.Token, new StudioSecrets().Token);
        Assert.True(secrets.IsToken(secrets.Token));
        Assert.False(secrets.IsToken(secrets.Token.ToUpperInvariant()));
        Assert.False(secrets.IsToken(secrets.Token[..63]));
        Assert.False(secrets.IsToken(secrets.SessionId));
        Assert.False(secrets.IsToken(null));
        Assert.False(secrets.IsSession(secrets.Token));
    }
}

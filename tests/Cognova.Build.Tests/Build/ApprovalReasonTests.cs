using Cognova.Engine.Build;
using Cognova.Protocol;

namespace Cognova.Build.Tests.Build;

public sealed class ApprovalReasonTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-reason-").FullName;

    [Fact]
    public void A_reason_file_carries_any_text_and_the_option_wins_over_it()
    {
        var file = Path.Combine(_directory, "reason.txt");
        File.WriteAllText(file, "Exported first, see ticket 42; approved by Dana.\n");

        Assert.Equal("Exported first, see ticket 42; approved by Dana.", ApprovalReason.Read(new EngineRequest { Command = "approve", ReasonFile = file }));
        Assert.Equal("given", ApprovalReason.Read(new EngineRequest { Command = "approve", Reason = "given", ReasonFile = file }));
    }

    [Fact]
    public void A_missing_reason_file_is_a_clear_error()
    {
        var error = Assert.Throws<ApprovalReasonException>(() => ApprovalReason.Read(new EngineRequest { Command = "approve", ReasonFile = Path.Combine(_directory, "none.txt") }));

        Assert.StartsWith("The approval's reason file cannot be read:", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

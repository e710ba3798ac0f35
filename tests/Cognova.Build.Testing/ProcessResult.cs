namespace Cognova.Build.Testing;

/// <summary>What a finished process left behind.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output and standard error together, for assertion messages.</summary>
    public string All => Output + Error;
}

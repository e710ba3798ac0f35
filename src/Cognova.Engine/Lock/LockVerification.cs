namespace Cognova.Engine.Lock;

/// <summary>What <see cref="LockVerifier"/> found, and which migrations it added to the lock.</summary>
public sealed record LockVerification(IReadOnlyList<LockProblem> Problems, IReadOnlyList<string> Appended)
{
    public bool Changed => Appended.Count > 0;
}

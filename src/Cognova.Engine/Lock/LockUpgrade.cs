namespace Cognova.Engine.Lock;

/// <summary>
/// Brings a lock file read in an older version to the current one before it is written (a local
/// write only: locked mode never writes). A context whose chain is intact is chained again with the
/// current formula; a context whose chain is broken keeps its hashes, so that an upgrade never makes
/// a hand-edited lock look valid.
/// </summary>
public static class LockUpgrade
{
    public static void ToCurrentVersion(LockFile file)
    {
        foreach (var context in file.Contexts.Values.Where(c => c.ChainVersion < LockFile.CurrentVersion))
        {
            var intact = LockVerifier.ChainProblems(context).Count == 0;
            context.ChainVersion = LockFile.CurrentVersion;
            if (intact)
            {
                LockChain.Rechain(context);
            }
        }

        file.Version = LockFile.CurrentVersion;
    }
}

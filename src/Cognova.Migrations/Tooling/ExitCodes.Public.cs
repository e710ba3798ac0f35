namespace Cognova.Migrations.Tooling;

// The table itself is src/Shared/ExitCodes/ExitCodes.cs; this part makes it public here.
public static partial class ExitCodes
{
}

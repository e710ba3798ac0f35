global using Xunit;

// No process, no database: the unit tier (dotnet test --filter Category=Unit).
[assembly: AssemblyTrait("Category", "Unit")]

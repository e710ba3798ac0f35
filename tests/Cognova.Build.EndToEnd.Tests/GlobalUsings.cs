global using Xunit;

// Packed packages, real dotnet build/publish and PostgreSQL: the end-to-end tier.
[assembly: AssemblyTrait("Category", "EndToEnd")]

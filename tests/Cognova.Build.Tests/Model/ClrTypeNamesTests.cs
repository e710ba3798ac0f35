using Cognova.Engine.Model;

namespace Cognova.Build.Tests.Model;

public sealed class ClrTypeNamesTests
{
    [Theory]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(int?), "int?")]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(byte[]), "byte[]")]
    [InlineData(typeof(int[,]), "int[,]")]
    [InlineData(typeof(DateTimeOffset?), "System.DateTimeOffset?")]
    [InlineData(typeof(List<string>), "System.Collections.Generic.List<string>")]
    [InlineData(typeof(Dictionary<string, List<int?>>), "System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<int?>>")]
    [InlineData(typeof(Outer<int>.Inner<string>), "Cognova.Build.Tests.Model.Outer<int>.Inner<string>")]
    [InlineData(typeof(Outer<int>.Plain), "Cognova.Build.Tests.Model.Outer<int>.Plain")]
    public void Types_are_spelled_as_in_csharp(Type type, string expected) => Assert.Equal(expected, ClrTypeNames.Of(type));
}

#pragma warning disable CA1812, S2094 // Only their names are used.
internal sealed class Outer<T>
{
    internal sealed class Inner<TInner>;

    internal sealed class Plain;
}

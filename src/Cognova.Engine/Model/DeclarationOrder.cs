using System.Reflection;

namespace Cognova.Engine.Model;

/// <summary>
/// The order members are declared in the CLR: a base class's before a derived class's, and within a class
/// as written (metadata order). Members without a CLR member (shadow, indexer) come after, by name.
/// </summary>
internal static class DeclarationOrder
{
    public static (int Group, int Depth, int Token, string Name) Key(MemberInfo? member, string name)
        => member is PropertyInfo or FieldInfo && member.DeclaringType is { } declaring && !IsIndexer(member)
            ? (0, Depth(declaring), member.MetadataToken, name)
            : (1, 0, 0, name);

    private static bool IsIndexer(MemberInfo member) => member is PropertyInfo property && property.GetIndexParameters().Length > 0;

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }
}

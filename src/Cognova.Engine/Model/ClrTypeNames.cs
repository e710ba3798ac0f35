using System.Text;

namespace Cognova.Engine.Model;

/// <summary>
/// A CLR type as C# spells it: keywords for the built-in types (<c>int</c>, <c>string</c>), <c>?</c> for a
/// nullable value type, <c>[]</c> for arrays, full names with type arguments for the rest
/// (<c>System.Collections.Generic.List&lt;string&gt;</c>), nested types joined with a dot.
/// </summary>
internal static class ClrTypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
    };

    public static string Of(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var name = new StringBuilder();
        AppendName(name, type, type.IsGenericType ? type.GetGenericArguments() : []);
        return name.ToString();
    }

    // A nested type's generic arguments are the outer types' ones followed by its own: each level takes its share.
    private static void AppendName(StringBuilder name, Type type, Type[] arguments)
    {
        var ownCount = arguments.Length;
        if (type.DeclaringType is { } outer && !type.IsGenericParameter)
        {
            var outerCount = outer.IsGenericTypeDefinition ? outer.GetGenericArguments().Length : 0;
            AppendName(name, outer, arguments[..outerCount]);
            name.Append('.');
            arguments = arguments[outerCount..];
            ownCount = arguments.Length;
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            name.Append(type.Namespace).Append('.');
        }

        var simple = type.Name;
        var tick = simple.IndexOf('`');
        name.Append(tick < 0 ? simple : simple[..tick]);
        if (ownCount > 0)
        {
            name.Append('<').AppendJoin(", ", arguments.Select(Of)).Append('>');
        }
    }
}

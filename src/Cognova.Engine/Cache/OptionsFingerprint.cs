using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Cache;

/// <summary>
/// A stable text of the DbContext's provider options (UseNpgsql(…, o => o.SetPostgresVersion(…)), the
/// migrations history table …), which the generated SQL may depend on. EF Core's own debug info and
/// service-provider hash codes cannot serve: they hold per-process hash codes. Connection details are
/// left out: they do not change the SQL, and differ between machines.
/// </summary>
internal static class OptionsFingerprint
{
    private const int MaxDepth = 2;

    private static readonly string[] LeftOut = ["Connection", "DataSource", "Password", "ServiceProvider", "Logger", "Interceptor"];

    public static string Of(IDbContextOptions options)
    {
        var text = new StringBuilder();
        foreach (var extension in options.Extensions.Where(e => e is not CoreOptionsExtension).OrderBy(e => e.GetType().FullName, StringComparer.Ordinal))
        {
            text.Append(extension.GetType().FullName).Append('{');
            AppendProperties(text, extension, MaxDepth);
            text.Append("}\n");
        }

        return text.ToString();
    }

    private static void AppendProperties(StringBuilder text, object value, int depth)
    {
        var properties = value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "Info" && !LeftOut.Any(l => p.Name.Contains(l, StringComparison.Ordinal)))
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (Exception ex) when (ex is TargetInvocationException or NotSupportedException or InvalidOperationException)
            {
                continue;
            }

            text.Append(property.Name).Append('=');
            Append(text, propertyValue, depth);
            text.Append(';');
        }
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case Type type:
                text.Append(type.FullName);
                break;
            case Assembly assembly:
                text.Append(assembly.GetName().Name);
                break;
            case MemberInfo member:
                text.Append(member.DeclaringType?.FullName).Append('.').Append(member.Name);
                break;
            case Delegate function:
                text.Append(function.Method.DeclaringType?.FullName).Append('.').Append(function.Method.Name);
                break;
            case Enum or Version or Guid or TimeSpan:
                text.Append(value);
                break;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool or char:
                text.Append(value);
                break;
            case IEnumerable items when depth > 0:
                text.Append('[');
                foreach (var item in items)
                {
                    Append(text, item, depth - 1);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(value.GetType().FullName);
                if (depth > 0)
                {
                    text.Append('{');
                    AppendProperties(text, value, depth - 1);
                    text.Append('}');
                }

                break;
        }
    }
}

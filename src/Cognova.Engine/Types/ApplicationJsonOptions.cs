using System.Reflection;
using System.Text.Json;

namespace Cognova.Engine.Types;

/// <summary>
/// The <see cref="JsonSerializerOptions"/> the application writes its responses with. ASP.NET Core keeps them in
/// <c>IOptions&lt;Microsoft.AspNetCore.Http.Json.JsonOptions&gt;</c> (minimal APIs) or
/// <c>IOptions&lt;Microsoft.AspNetCore.Mvc.JsonOptions&gt;</c> (controllers); the engine cannot reference ASP.NET Core
/// (an application may not use it), so both are found by name in the application's services.
/// Without either: <see cref="JsonSerializerOptions.Web"/>, which is what ASP.NET Core starts from.
/// </summary>
internal static class ApplicationJsonOptions
{
    private static readonly (string Type, string Property)[] Candidates =
    [
        ("Microsoft.AspNetCore.Http.Json.JsonOptions, Microsoft.AspNetCore.Http.Extensions", "SerializerOptions"),
        ("Microsoft.AspNetCore.Mvc.JsonOptions, Microsoft.AspNetCore.Mvc.Core", "JsonSerializerOptions"),
    ];

    public static (JsonSerializerOptions Options, string Source) Resolve(IServiceProvider? services)
    {
        if (services is not null && Type.GetType("Microsoft.Extensions.Options.IOptions`1, Microsoft.Extensions.Options", throwOnError: false) is { } optionsInterface)
        {
            foreach (var (typeName, propertyName) in Candidates)
            {
                try
                {
                    if (Type.GetType(typeName, throwOnError: false) is not { } optionsType)
                    {
                        continue;
                    }

                    var options = services.GetService(optionsInterface.MakeGenericType(optionsType));
                    var value = options?.GetType().GetProperty("Value")?.GetValue(options);
                    if (value?.GetType().GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)?.GetValue(value) is JsonSerializerOptions found)
                    {
                        return (found, typeName.Split(',')[0]);
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException or InvalidOperationException or FileLoadException or FileNotFoundException)
                {
                    // The application's options could not be built (its configuration needs something design time lacks): the next candidate, or the defaults.
                }
            }
        }

        return (JsonSerializerOptions.Web, "JsonSerializerOptions.Web");
    }
}

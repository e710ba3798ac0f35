namespace Cognova.Engine;

/// <summary>A setting has a value the build cannot use; reported as COG0005.</summary>
public sealed class SettingException(string setting, string value, string expected)
    : Exception($"{setting} has the value '{value}', which is not one of: {expected}.")
{
    public string Setting { get; } = setting;
}

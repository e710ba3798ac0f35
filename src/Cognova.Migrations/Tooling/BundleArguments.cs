namespace Cognova.Migrations.Tooling;

/// <summary>
/// What one run of the bundle is asked to do. <c>BundleCommandLine</c> reads it from the bundle's command
/// line; <c>dotnet cognova migrate</c> builds it from its own options.
/// </summary>
public sealed class BundleArguments
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(5);

    /// <summary><c>migrate</c> (the default), <c>status</c> or <c>script</c>.</summary>
    public string Command { get; init; } = "migrate";

    public string? TargetMigration { get; init; }

    public string? Connection { get; init; }

    public bool Verbose { get; init; }

    public bool NoColor { get; init; }

    public bool PrefixOutput { get; init; }

    public bool Json { get; init; }

    public bool SkipIfLocked { get; init; }

    public bool AllowUnknown { get; init; }

    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>A duration: <c>90s</c>, <c>2m</c>, <c>1h</c>, seconds alone (<c>45</c>), or <c>00:01:30</c>.</summary>
    /// <exception cref="BundleUsageException">Not a duration.</exception>
    public static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim();
        if (TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) && value.Contains(':'))
        {
            return span;
        }

        var unit = value.Length > 0 ? value[^1] : ' ';
        var number = char.IsLetter(unit) ? value[..^1] : value;
        if (double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return unit switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        throw new BundleUsageException($"--lock-timeout '{text}' is not a duration (e.g. 90s, 2m, 00:01:30).");
    }
}

/// <summary>Bad arguments or configuration: exit code 2 with one clear line.</summary>
public sealed class BundleUsageException(string message) : Exception(message);

using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Cognova.Build.Tasks;

/// <summary>How a design host process the task talks to is started: its three streams redirected, the given environment on top of the build's.</summary>
internal static class HostProcess
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <param name="environment"><c>NAME=value</c> pairs.</param>
    public static ProcessStartInfo StartInfo(string dotNet, string arguments, IEnumerable<string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(dotNet, arguments)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var variable in environment)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
            {
                start.Environment[variable.Substring(0, equals)] = variable.Substring(equals + 1);
            }
        }

        return start;
    }
}

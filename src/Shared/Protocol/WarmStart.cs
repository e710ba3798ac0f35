using System;
using System.Collections.Generic;
using System.Text;

// The warm start: the build starts the design host before the compiler runs (command WarmStart.Command); the
// host compiles EF Core's code paths on a model of its own, then reads one request line from standard input,
// written by the build task with Encode and read by the host with Decode. Compiled as source into both.
namespace Cognova.Protocol
{
    internal static class WarmStart
    {
        /// <summary>The host's first argument: warm up, then run the request read from standard input.</summary>
        public const string Command = "warm-start";

        /// <summary>
        /// The host's exit code when the application's deps.json or runtimeconfig.json changed after it started (a
        /// package was added): it would run on the old dependency graph, so it runs nothing and the task starts a fresh host.
        /// </summary>
        public const int StaleExitCode = 4;

        /// <summary>
        /// The last line a warm host writes to each of its two output streams once its request has run, followed by
        /// its exit code: the build reads up to it and goes on while the host finishes its own work (the assemblies it
        /// hands to the image worker) and exits. A host that ends without it is waited for, and its exit code counts.
        /// </summary>
        public const string FinishedMarker = "\u0001cognova warm host finished, exit code ";

        private const char Separator = '\t';

        public static string Finished(int exitCode) => FinishedMarker + exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The exit code of a <see cref="Finished"/> line; null for any other line.</summary>
        public static int? ReadFinished(string line)
            => line.StartsWith(FinishedMarker, StringComparison.Ordinal)
               && int.TryParse(line.Remove(0, FinishedMarker.Length), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exitCode)
                ? exitCode
                : (int?)null;

        /// <summary>One line: the arguments separated by tabs, with backslash, tab, and line breaks escaped.</summary>
        public static string Encode(IReadOnlyList<string> arguments)
        {
            var line = new StringBuilder();
            for (var i = 0; i < arguments.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(Separator);
                }

                foreach (var c in arguments[i])
                {
                    switch (c)
                    {
                        case '\\': line.Append("\\\\"); break;
                        case '\t': line.Append("\\t"); break;
                        case '\n': line.Append("\\n"); break;
                        case '\r': line.Append("\\r"); break;
                        default: line.Append(c); break;
                    }
                }
            }

            return line.ToString();
        }

        /// <exception cref="FormatException">Not a line <see cref="Encode"/> writes.</exception>
        public static IReadOnlyList<string> Decode(string line)
        {
            var arguments = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == Separator)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                }
                else if (c != '\\')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length)
                {
                    var escaped = line[++i];
                    current.Append(escaped switch
                    {
                        '\\' => '\\',
                        't' => '\t',
                        'n' => '\n',
                        'r' => '\r',
                        _ => throw new FormatException($"unknown escape '\\{escaped}' in the warm start request"),
                    });
                }
                else
                {
                    throw new FormatException("the warm start request ends in the middle of an escape");
                }
            }

            arguments.Add(current.ToString());
            return arguments;
        }
    }
}

// How the design host's standard output is read by the MSBuild task (HostOutputParser): the host writes
// with these prefixes and this line format, the task parses with the same ones. Compiled as source into both.
namespace Cognova.Protocol
{
    internal static class EngineOutput
    {
        /// <summary>A progress line (verbose only): <c>cognova: load application assembly: 120 ms</c>.</summary>
        public const string ProgressPrefix = "cognova: ";

        /// <summary>A further line of the diagnostic above it.</summary>
        public const string ContinuationPrefix = "    ";

        /// <summary>
        /// A diagnostic in the canonical form MSBuild, IDEs and CI problem matchers read:
        /// <c>file(line,col): error COG1001: text</c>; the line and column are optional.
        /// </summary>
        public const string DiagnosticPattern =
            @"^(?<origin>.*?)(\((?<line>\d+)(,(?<col>\d+))?\))?: (?<severity>error|warning|info) (?<code>COG\d{4}): (?<message>.*)$";

        /// <summary>The first line of a diagnostic, as <see cref="DiagnosticPattern"/> reads it.</summary>
        /// <param name="severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
        public static string DiagnosticLine(string file, int line, int column, string severity, string code, string text)
        {
            var origin = line <= 0 ? file : column > 0 ? $"{file}({line},{column})" : $"{file}({line})";
            return $"{origin}: {severity} {code}: {text}";
        }
    }
}

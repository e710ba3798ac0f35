using System.Text.RegularExpressions;

namespace Cognova.Engine.Sources;

/// <summary>
/// Finds, in a migration's C# file, the line of each <c>migrationBuilder.X(…)</c> call in its
/// <c>Up</c> method. EF Core's generated migrations make one operation per call, in order, so the
/// n-th call is where the n-th operation comes from. Comments and string literals are skipped.
/// </summary>
public sealed partial class MigrationSourceMap
{
    private readonly IReadOnlyList<SourceLocation> _calls;
    private readonly SourceLocation _fallback;

    private MigrationSourceMap(IReadOnlyList<SourceLocation> calls, SourceLocation fallback)
    {
        _calls = calls;
        _fallback = fallback;
    }

    /// <summary>The location of operation <paramref name="index"/>, or the class when the calls cannot be matched.</summary>
    public SourceLocation OperationAt(int index, int operationCount)
        => _calls.Count == operationCount && index < _calls.Count ? _calls[index] : _fallback;

    public static MigrationSourceMap Build(SourceLocation classLocation, string[] lines)
    {
        var text = string.Join('\n', lines);
        var up = UpMethod().Match(text);
        if (!up.Success)
        {
            return new MigrationSourceMap([], classLocation);
        }

        var builder = up.Groups["builder"].Value;
        var calls = new List<SourceLocation>();
        var code = Blank(text);
        var start = up.Index + up.Length;
        while (start < code.Length && char.IsWhiteSpace(code[start]))
        {
            start++;
        }

        // A block body ends at its closing brace; an expression body (=> …) at its semicolon.
        var expressionBody = code.AsSpan(start).StartsWith("=>");
        var depth = 0;
        var call = new Regex(@"\G" + Regex.Escape(builder) + @"\s*\.\s*[A-Za-z_]\w*\s*(<[^()]*?>)?\s*\(");
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '{' or '(')
            {
                depth++;
            }
            else if (c is '}' or ')')
            {
                if (--depth == 0 && !expressionBody && c == '}')
                {
                    break;
                }
            }
            else if (c == ';' && expressionBody && depth == 0)
            {
                break;
            }
            else if ((i == 0 || !IsIdentifierChar(code[i - 1])) && call.IsMatch(code, i))
            {
                calls.Add(LocationOf(classLocation.File, text, i));
            }
        }

        return new MigrationSourceMap(calls, classLocation);
    }

    /// <summary>Replaces comments and string or char literals with spaces, keeping offsets and newlines.</summary>
    private static string Blank(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '/')
            {
                while (i < chars.Length && chars[i] != '\n')
                {
                    chars[i++] = ' ';
                }
            }
            else if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? chars.Length : end + 2;
                BlankRange(chars, i, end);
                i = end;
            }
            else if (chars[i] == '"' && i + 2 < chars.Length && chars[i + 1] == '"' && chars[i + 2] == '"')
            {
                var quotes = 0;
                while (i + quotes < chars.Length && chars[i + quotes] == '"')
                {
                    quotes++;
                }

                var fence = new string('"', quotes);
                var end = text.IndexOf(fence, i + quotes, StringComparison.Ordinal);
                end = end < 0 ? chars.Length : end + quotes;
                BlankRange(chars, i, end);
                i = end;
            }
            else if (chars[i] == '"' || chars[i] == '\'')
            {
                var verbatim = i > 0 && (chars[i - 1] == '@' || (i > 1 && chars[i - 1] == '$' && chars[i - 2] == '@'));
                var end = EndOfLiteral(text, i, chars[i], verbatim);
                BlankRange(chars, i, end);
                i = end;
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    private static int EndOfLiteral(string text, int start, char quote, bool verbatim)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (!verbatim && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (verbatim && i + 1 < text.Length && text[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
            else if (!verbatim && text[i] == '\n')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static void BlankRange(char[] chars, int from, int to)
    {
        for (var i = from; i < to && i < chars.Length; i++)
        {
            if (chars[i] != '\n')
            {
                chars[i] = ' ';
            }
        }
    }

    private static SourceLocation LocationOf(string file, string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

    [GeneratedRegex(@"\bvoid\s+Up\s*\(\s*MigrationBuilder\s+(?<builder>@?\w+)\s*\)")]
    private static partial Regex UpMethod();
}

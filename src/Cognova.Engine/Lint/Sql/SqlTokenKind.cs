namespace Cognova.Engine.Lint.Sql;

/// <summary>What a <see cref="SqlToken"/> is, as PostgreSQL's lexer would see it.</summary>
public enum SqlTokenKind
{
    /// <summary>An unquoted identifier or a keyword.</summary>
    Word,

    /// <summary>A <c>"…"</c> identifier, also <c>U&amp;"…"</c>.</summary>
    QuotedIdentifier,

    /// <summary>A <c>'…'</c> literal, also with an <c>E</c>, <c>U&amp;</c>, <c>B</c>, <c>X</c> or <c>N</c> prefix.</summary>
    String,

    /// <summary>A <c>$$…$$</c> or <c>$tag$…$tag$</c> literal.</summary>
    DollarString,

    Number,

    /// <summary>A run of operator symbols such as <c>::</c>, <c>&lt;&gt;</c> or <c>=</c>.</summary>
    Operator,

    /// <summary>One of <c>; ( ) , . [ ]</c>.</summary>
    Punctuation,

    /// <summary>A <c>--</c> line comment or a (possibly nested) <c>/* */</c> block comment.</summary>
    Comment,

    Whitespace,

    /// <summary>A positional parameter such as <c>$1</c>.</summary>
    Parameter,
}

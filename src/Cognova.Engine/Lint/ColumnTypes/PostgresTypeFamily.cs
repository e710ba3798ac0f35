namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>The broad group a PostgreSQL type belongs to; a change between groups always needs a real cast.</summary>
public enum PostgresTypeFamily
{
    /// <summary><c>smallint</c>, <c>integer</c>, <c>bigint</c>.</summary>
    Integer,

    /// <summary><c>numeric</c> (and its alias <c>decimal</c>).</summary>
    Numeric,

    /// <summary><c>real</c>, <c>double precision</c>.</summary>
    FloatingPoint,

    /// <summary><c>text</c>, <c>character varying</c>, <c>character</c>, and the <c>citext</c> extension type.</summary>
    String,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>uuid</c>.</summary>
    Uuid,

    /// <summary><c>date</c>.</summary>
    Date,

    /// <summary><c>timestamp without time zone</c>, <c>timestamp with time zone</c>.</summary>
    Timestamp,

    /// <summary><c>time without time zone</c>, <c>time with time zone</c>.</summary>
    Time,

    /// <summary><c>interval</c>, with or without a field restriction.</summary>
    Interval,

    /// <summary><c>json</c>, <c>jsonb</c>.</summary>
    Json,

    /// <summary><c>bytea</c>.</summary>
    Binary,

    /// <summary><c>inet</c>, <c>cidr</c>, <c>macaddr</c>, <c>macaddr8</c>.</summary>
    Network,

    /// <summary><c>xml</c>.</summary>
    Xml,

    /// <summary><c>bit</c>, <c>bit varying</c>.</summary>
    BitString,

    /// <summary><c>money</c>.</summary>
    Money,

    /// <summary>Another built-in or well-known extension type (geometric, range, full-text search, hstore, PostGIS...).</summary>
    Other,

    /// <summary>A name this check does not know: an enum, a domain, a composite or an extension type.</summary>
    UserDefined,
}

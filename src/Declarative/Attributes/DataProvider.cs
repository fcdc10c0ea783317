// Shared with the source generator, which compiles this file too: it stores the value by member, never as a number.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>
/// Where a pipeline's rows come from when they are not a file: a database read with an ADO.NET provider. The
/// provider's package is the app's choice (Declarative does not carry it): add <c>Microsoft.Data.Sqlite</c> or
/// <c>Npgsql</c> to the project that declares the pipeline.
/// </summary>
public enum DataProvider
{
    /// <summary>A delimited file (<c>Data</c>): the default.</summary>
    File = 0,

    /// <summary>SQLite through Microsoft.Data.Sqlite: an embedded database in one file.</summary>
    Sqlite = 1,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql = 2,
}

using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>
/// Reads a pipeline's rows from a database with an ADO.NET provider the app references (Microsoft.Data.Sqlite,
/// Npgsql): columns map to properties by name as a header's do, and each value goes through the same parsing and
/// checks as a file's field, so a row from a query and a line from a file load to the same values. Messages name the
/// pipeline, the query, the row and the column.
/// </summary>
internal static class QueryLoader
{
    public static DataTable Load<TRow>(PipelineSpec<TRow> spec)
    {
        var source = Describe(spec);
        var columns = spec.Columns.ToArray();
        return Read(spec, reader =>
        {
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var positions = columns.Select(c => DelimitedFileLoader.FindInHeader(spec, c, header, source, null)).ToArray();
            var builders = columns.Select((c, i) => new ColumnBuilder<TRow>(c, header[positions[i]], source)).ToArray();
            var bad = new BadRows(spec.SkipBadRows);
            var rows = 0;
            var number = 0;
            try
            {
                while (reader.Read())
                {
                    number++;
                    try
                    {
                        ColumnBuilder<TRow>.AddRow(builders, i => new Field(Text(reader, positions[i]), number, positions[i] + 1));
                    }
                    catch (DataFileException e) when (bad.Skip(e))
                    {
                        continue;
                    }

                    rows++;
                }
            }
            catch (OutOfMemoryException e)
            {
                throw TableMemory.TooLarge(spec, source, rows, number, e);
            }

            bad.Check(spec, rows, source);
            if (rows == 0)
            {
                throw new DataFileException(source, null, null, "The query returned no rows.");
            }

            return new DataTable(ColumnBuilder<TRow>.BuildAll(builders), rows) { BadRows = bad.Count, BadRowSamples = bad.Samples };
        });
    }

    /// <summary>The hash of <see cref="Hash{TRow}"/> for a spec of a row type the caller does not know.</summary>
    public static string Hash(IPipelineSpec spec) => spec.Accept(new HashVisitor());

    /// <summary>The SHA-256 of the query's result (column names and every value as text), which the build compares to retrain when the data changed.</summary>
    public static string Hash<TRow>(PipelineSpec<TRow> spec) => Read(spec, reader =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001f"));
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Append(reader.GetName(i));
        }

        while (reader.Read())
        {
            hash.AppendData("\u001e"u8);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                Append(Text(reader, i));
            }
        }

        return "query:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    });

    /// <summary>How messages and reports name the source: the provider and the query, never the connection string.</summary>
    public static string Describe(IPipelineSpec spec) => $"{spec.Provider} query of {spec.Name} \"{spec.Query}\"";

    private static T Read<TRow, T>(PipelineSpec<TRow> spec, Func<DbDataReader, T> read)
    {
        var source = Describe(spec);
        var factory = Factory(spec);
        using var connection = factory.CreateConnection()
            ?? throw new InvalidOperationException($"Pipeline '{spec.Name}': the {spec.Provider} provider made no connection.");
        connection.ConnectionString = ConnectionString(spec);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException)
        {
            throw new DataFileException(source, null, null, $"Cannot connect to the {spec.Provider} database of pipeline '{spec.Name}': {e.Message}", e);
        }

        using var command = connection.CreateCommand();
        command.CommandText = spec.Query;
        DbDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            throw new DataFileException(source, null, null, $"The query of pipeline '{spec.Name}' failed: {e.Message}", e);
        }

        using (reader)
        {
            return read(reader);
        }
    }

    /// <summary>A value as the text a file would hold: invariant numbers, ISO 8601 dates, empty for NULL (missing).</summary>
    private static string Text(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return "";
        }

        return reader.GetValue(ordinal) switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
    }

    private static string ConnectionString<TRow>(PipelineSpec<TRow> spec)
    {
        if (spec.ConnectionString is { } text)
        {
            return text;
        }

        var variable = spec.ConnectionStringVariable
            ?? throw new InvalidOperationException($"Pipeline '{spec.Name}' reads from {spec.Provider} but has no ConnectionString or ConnectionStringVariable.");
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Pipeline '{spec.Name}' reads its connection string from the environment variable {variable}, which is not set.");
    }

    /// <summary>
    /// The provider's factory, found by name in the app's own dependencies: Declarative carries no database driver, so
    /// an app that reads no database loads none.
    /// </summary>
    private static DbProviderFactory Factory<TRow>(PipelineSpec<TRow> spec)
    {
        var (type, package) = spec.Provider switch
        {
            DataProvider.Sqlite => (Type.GetType("Microsoft.Data.Sqlite.SqliteFactory, Microsoft.Data.Sqlite", throwOnError: false), "Microsoft.Data.Sqlite"),
            DataProvider.PostgreSql => (Type.GetType("Npgsql.NpgsqlFactory, Npgsql", throwOnError: false), "Npgsql"),
            _ => throw new InvalidOperationException($"Pipeline '{spec.Name}' reads from a file, not a database."),
        };
        return type?.GetField("Instance")?.GetValue(null) as DbProviderFactory
            ?? throw new InvalidOperationException(
                $"Pipeline '{spec.Name}' reads from {spec.Provider}, whose ADO.NET provider is not among the app's packages: dotnet add package {package}");
    }

    private sealed class HashVisitor : ISpecVisitor<string>
    {
        public string Visit<TRow>(PipelineSpec<TRow> spec) => Hash(spec);
    }
}

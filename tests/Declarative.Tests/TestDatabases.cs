using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Declarative.Tests;

/// <summary>
/// The databases the database tests read: an SQLite file written from the bundled iris data (once per test run), and
/// a table on the PostgreSQL server named by <see cref="PostgresVariable"/>, loaded from the bundled breast-cancer data.
/// </summary>
internal static class TestDatabases
{
    public const string SqliteVariable = Pipelines.DatabaseVariables.Sqlite;

    /// <summary>The connection string of a PostgreSQL database the tests may write to (CI sets it and starts the server).</summary>
    public const string PostgresVariable = Pipelines.DatabaseVariables.Postgres;

    private static readonly Lazy<string> SqlitePath = new(CreateSqlite);
    private static readonly Lazy<string?> Postgres = new(CreatePostgres);

    /// <summary>Writes the SQLite file (once) and points <see cref="SqliteVariable"/> at it.</summary>
    public static string Sqlite => SqlitePath.Value;

    /// <summary>The PostgreSQL connection string with the tumors table loaded, or null when no server is configured.</summary>
    public static string? PostgreSql => Postgres.Value;

    public static IReadOnlyList<string[]> IrisRows() =>
        File.ReadLines("datasets/iris/iris.txt").Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();

    private static string CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "declarative-tests", $"iris-{Environment.ProcessId}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            foreach (var table in new[] { "iris", "iris_changing", "iris_bad" })
            {
                Execute(connection, $"CREATE TABLE {table} (id INTEGER PRIMARY KEY, \"#Label\" INTEGER, \"Sepal length\" REAL, \"Sepal width\" REAL, \"Petal length\" REAL, \"Petal width\" REAL)");
                var rows = IrisRows();
                for (var i = 0; i < rows.Count; i++)
                {
                    var width = table == "iris_bad" && i == 41 ? "'abc'" : rows[i][2];
                    Execute(connection, string.Create(CultureInfo.InvariantCulture,
                        $"INSERT INTO {table} VALUES ({i + 1}, {rows[i][0]}, {rows[i][1]}, {width}, {rows[i][3]}, {rows[i][4]})"));
                }
            }
        }

        Environment.SetEnvironmentVariable(SqliteVariable, connectionString);
        return connectionString;
    }

    private static string? CreatePostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "DROP TABLE IF EXISTS tumors");
        Execute(connection, "CREATE TABLE tumors (id integer PRIMARY KEY, label integer, thickness real, uniform_size real, uniform_shape real, adhesion real, epit_size real, bare_nuclei real, bland_chromatin real, normal_nucleoli real, mitoses integer)");
        var lines = File.ReadLines("datasets/breast-cancer/breast-cancer-withheader.txt").Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).Skip(1).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var values = lines[i].Split('\t').Select(v => v == "?" ? "NULL" : v);
            Execute(connection, $"INSERT INTO tumors VALUES ({i + 1}, {string.Join(", ", values)})");
        }

        return connectionString;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

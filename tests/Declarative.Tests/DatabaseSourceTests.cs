using Declarative.Build;
using Declarative.Tests.Pipelines;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Declarative.Tests;

/// <summary>Rows from a database: a real SQLite file in every run, a real PostgreSQL server where one is configured (CI).</summary>
public sealed class DatabaseSourceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Sqlite_TrainsTheSameModelAsTheFileItWasWrittenFrom()
    {
        _ = TestDatabases.Sqlite;

        var fromDatabase = SqliteIrisModel.Train();
        var fromFile = TrainedModels.Iris;

        Assert.Equal(fromFile.Pipeline.TestMetricValues, fromDatabase.Pipeline.TestMetricValues);
        Assert.Equal("Sqlite query of SqliteIrisModel \"SELECT * FROM iris ORDER BY id\"", fromDatabase.Pipeline.DataPath);
        var report = fromDatabase.Evaluate();
        Assert.Equal(150, report.Profile.Rows);
    }

    [Fact]
    public void Sqlite_TheBuildRetrainsWhenTheQueryResultChanges_AndSaysWhichQuery()
    {
        var connectionString = TestDatabases.Sqlite;
        var pipeline = PipelineRegistry.For(typeof(SqliteChangingIrisModel));
        var options = new ArtifactOptions { Report = false };

        var first = ArtifactBuilder.Build(pipeline, _temp.Path, options);
        Assert.Equal(ArtifactStatus.UpToDate, ArtifactBuilder.Build(pipeline, _temp.Path, options).Status);
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            TestDatabases.Execute(connection, "UPDATE iris_changing SET \"Sepal length\" = 7.7 WHERE id = 3");
        }

        var second = ArtifactBuilder.Build(pipeline, _temp.Path, options);

        Assert.Equal(ArtifactStatus.Trained, first.Status);
        Assert.Equal(ArtifactStatus.Trained, second.Status);
        Assert.Equal("SELECT * FROM iris_changing ORDER BY id", second.Manifest.Query);
        Assert.StartsWith("query:", second.Manifest.DataHash, StringComparison.Ordinal);
        Assert.NotEqual(first.Manifest.DataHash, second.Manifest.DataHash);
    }

    [Fact]
    public void Sqlite_AFailingQuery_NamesThePipelineAndTheQuery()
    {
        _ = TestDatabases.Sqlite;

        var error = Assert.Throws<DataFileException>(() => SqliteBadQueryModel.Train());

        Assert.Contains("SqliteBadQueryModel", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_AMissingColumn_IsNamed()
    {
        _ = TestDatabases.Sqlite;

        var error = Assert.Throws<DataFileException>(() => SqliteMissingColumnModel.Train());

        Assert.Contains("no column 'SepalWidth'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SqliteMissingColumnModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_AValueOfTheWrongType_NamesTheRowAndColumn()
    {
        _ = TestDatabases.Sqlite;

        var error = Assert.Throws<DataFileException>(() => SqliteBadValueModel.Train());

        Assert.Equal((42, 4), (error.Line, error.Column));
        Assert.Contains("'abc' in column 'Sepal width' (property Iris.SepalWidth) is not a number", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM iris_bad", error.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsetConnectionVariable_IsNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqliteUnsetVariableModel.Train());

        Assert.Contains("DECLARATIVE_TEST_VARIABLE_NOBODY_SETS, which is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_TrainsTheSameModelAsTheFile()
    {
        var connectionString = TestDatabases.PostgreSql;
        if (connectionString is null)
        {
            // CI always has the server (.ci/run starts it and sets both variables); a developer machine may not.
            Assert.True(Environment.GetEnvironmentVariable("DECLARATIVE_REQUIRE_POSTGRES") != "1",
                $"{TestDatabases.PostgresVariable} is not set, but DECLARATIVE_REQUIRE_POSTGRES=1 says this run must test PostgreSQL.");
            output.WriteLine($"PostgreSQL NOT TESTED: set {TestDatabases.PostgresVariable} to a database the tests may write to (.ci/run does).");
            return;
        }

        var fromDatabase = PostgresTumorModel.Train();
        var fromFile = TumorModel.Train();

        Assert.Equal(fromFile.Pipeline.TestMetricValues, fromDatabase.Pipeline.TestMetricValues);
        Assert.Equal(683, fromDatabase.Evaluate().Profile.Rows);
    }

    public void Dispose() => _temp.Dispose();
}

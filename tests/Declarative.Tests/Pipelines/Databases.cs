namespace Declarative.Tests.Pipelines;

/// <summary>The environment variables that hold the test databases' connection strings.</summary>
public static class DatabaseVariables
{
    /// <summary>Set by the tests to the SQLite file they write from the iris data.</summary>
    public const string Sqlite = "DECLARATIVE_TEST_SQLITE";

    /// <summary>A PostgreSQL database the tests may write to (CI sets it and starts the server).</summary>
    public const string Postgres = "DECLARATIVE_TEST_POSTGRES";
}

/// <summary>The iris data read from an SQLite file (the database tests write it), with IrisModel's split and trainer.</summary>
[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = DatabaseVariables.Sqlite, Query = "SELECT * FROM iris ORDER BY id")]
[Split(TestFraction = 0.3, Seed = 3)]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class SqliteIrisModel;

/// <summary>A table one test changes, to show the build retrains when the query's result changes.</summary>
[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = DatabaseVariables.Sqlite, Query = "SELECT * FROM iris_changing ORDER BY id")]
[Trainers(Trainer.SdcaMaximumEntropy)]
public partial class SqliteChangingIrisModel;

[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = DatabaseVariables.Sqlite, Query = "SELECT * FROM no_such_table")]
public partial class SqliteBadQueryModel;

[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = DatabaseVariables.Sqlite, Query = "SELECT id, \"#Label\", \"Sepal length\" FROM iris")]
public partial class SqliteMissingColumnModel;

[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = DatabaseVariables.Sqlite, Query = "SELECT * FROM iris_bad ORDER BY id")]
public partial class SqliteBadValueModel;

[MulticlassClassification<Iris>(Provider = DataProvider.Sqlite, ConnectionStringVariable = "DECLARATIVE_TEST_VARIABLE_NOBODY_SETS", Query = "SELECT * FROM iris")]
public partial class SqliteUnsetVariableModel;

/// <summary>The breast-cancer data from a real PostgreSQL server (CI starts one; see .ci/run), with TumorModel's trainer.</summary>
[BinaryClassification<Tumor>(Provider = DataProvider.PostgreSql, ConnectionStringVariable = DatabaseVariables.Postgres, Query = "SELECT * FROM tumors ORDER BY id")]
[Trainers(Trainer.FastTree)]
public partial class PostgresTumorModel;

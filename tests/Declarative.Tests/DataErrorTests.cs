using Declarative.Tests.Pipelines;

namespace Declarative.Tests;

/// <summary>Bad data stops training with an error that names the file, and the line and column where there is one.</summary>
public sealed class DataErrorTests : IDisposable
{
    private const string BreastCancer = "datasets/breast-cancer/breast-cancer-withheader.txt";
    private const string Adult = "datasets/adult/adult.txt";
    private readonly TempDirectory _temp = new();

    [Fact]
    public void NonNumericValue_NamesFileLineAndColumn()
    {
        // Comment lines and a blank line come first; the header is line 18, and line 21 reads "0<tab>3<tab>1...".
        var path = _temp.CopyWithLine(BreastCancer, 21, line => line.Replace("0\t3\t1\t1", "0\tthree\t1\t1"));

        var error = Assert.Throws<DataFileException>(() => TumorModel.Train(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(21, error.Line);
        Assert.Equal(3, error.Column);
        Assert.StartsWith($"{path}(21,3): ", error.Message);
        Assert.Contains("'three'", error.Message);
        Assert.Contains("'thickness'", error.Message);
        Assert.Contains("Tumor.Thickness", error.Message);
        Assert.Contains("not a number", error.Message);
    }

    [Fact]
    public void BadValueInCommaSpaceFile_PointsAtTheField()
    {
        // adult.txt line 3: "50, Self-emp-not-inc, 83311, ..." with the age replaced.
        var path = _temp.CopyWithLine(Adult, 3, line => "fifty" + line[2..]);

        var error = Assert.Throws<DataFileException>(() => AdultIncomeModel.Train(path));

        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("'fifty' in column 'age'", error.Message);
    }

    [Fact]
    public void BadLabel_NamesTheLabel()
    {
        var path = _temp.CopyWithLine(Adult, 5, line => line[..line.LastIndexOf(',')] + ", maybe");

        var error = Assert.Throws<DataFileException>(() => AdultIncomeModel.Train(path));

        Assert.Equal(5, error.Line);
        Assert.Contains("'maybe' in column 'label(IsOver50K)'", error.Message);
        Assert.Contains("true/false, yes/no, t/f, y/n or 1/0", error.Message);
    }

    [Fact]
    public void ConstantRegressionLabel_FailsTraining_AtTheFile()
    {
        // Every home at one value: LightGbm's trees would have no split (ML.NET fails converting them) and R² would be
        // undefined, so tuning could rank nothing. Untuned and tuned, the error names the file and the label.
        var path = _temp.File("housing-flat.txt");
        File.WriteAllLines(path, File.ReadLines("datasets/housing/housing.txt").Select((line, i) => i == 0 ? line : "21.6" + line[line.IndexOf('\t', StringComparison.Ordinal)..]));

        foreach (var train in new Func<string, object>[] { p => HousingModel.Train(p), p => EnsembledHousingModel.Train(p) })
        {
            var error = Assert.Throws<DataFileException>(() => train(path));
            Assert.Equal(path, error.FilePath);
            Assert.Contains("The label 'MedianHomeValue' (property House.MedianHomeValue) is 21.6 in all 506 rows: regression needs a label that varies.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TextColumnEmptyInEveryRow_FailsTraining_AtTheFile()
    {
        // The yelp sentences with their text cut away: ML.NET's featurizer had no n-gram to count and failed with a
        // schema mismatch about one of its own columns.
        var path = _temp.File("yelp-empty.txt");
        File.WriteAllLines(path, File.ReadLines("datasets/sentiment-sentences/yelp_labelled.txt").Select(line => line[line.LastIndexOf('\t')..]));

        var error = Assert.Throws<DataFileException>(() => YelpModel.Train(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("The text column 'Sentence' (property ReviewSentence.Sentence) is empty in all 1,000 rows: there is no text to learn from.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_NamesThePathsLookedIn()
    {
        var error = Assert.Throws<DataFileException>(() => TumorModel.Train("no/such/file.csv"));

        Assert.Equal("no/such/file.csv", error.FilePath);
        Assert.Null(error.Line);
        Assert.Contains("TumorModel", error.Message);
        Assert.Contains("was not found", error.Message);
        Assert.Contains(Path.GetFullPath("no/such/file.csv"), error.Message);
    }

    [Fact]
    public void HeaderWithoutLabelColumn_ListsTheHeader()
    {
        var path = _temp.CopyWithLine(BreastCancer, 18, line => line.Replace("label", "diagnosis"));

        var error = Assert.Throws<DataFileException>(() => TumorModel.Train(path));

        Assert.Equal(18, error.Line);
        Assert.Contains("no column 'label'", error.Message);
        Assert.Contains("the label Tumor.Malignant", error.Message);
        Assert.Contains("'diagnosis'", error.Message);
    }

    [Fact]
    public void ShortLine_SaysHowManyFields()
    {
        var path = _temp.CopyWithLine(BreastCancer, 30, line => line[..line.LastIndexOf('\t')]);

        var error = Assert.Throws<DataFileException>(() => TumorModel.Train(path));

        Assert.Equal(30, error.Line);
        Assert.Contains("has 9 fields, but the header has 10", error.Message);
    }

    [Fact]
    public void MissingLabel_IsAnErrorNotASkip()
    {
        var path = _temp.CopyWithLine(Adult, 10, line => line[..line.LastIndexOf(',')] + ", ?");

        var error = Assert.Throws<DataFileException>(() => AdultIncomeModel.Train(path));

        Assert.Equal(10, error.Line);
        Assert.Contains("is missing", error.Message);
    }

    [Fact]
    public void UnknownEnumLabel_ListsTheMembers()
    {
        var path = _temp.CopyWithLine("datasets/iris/iris.txt", 2, line => "7" + line[1..]);

        var error = Assert.Throws<DataFileException>(() => IrisModel.Train(path));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("Expected one of Setosa, Versicolor, Virginica or its number", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}

public sealed class HeaderlessFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void HeaderlessFile_MapsColumnsByPositionAndIndex()
    {
        var path = _temp.File("iris-no-header.tsv");
        File.WriteAllLines(path, File.ReadLines("datasets/iris/iris.txt").Skip(1));

        var model = IrisByPositionModel.Train(path);

        // Columns 0 (label), 1, 2 by position; the ignored Note would be 3; PetalWidth from column 4.
        Assert.True(model.TestMetrics.MacroAccuracy > 0.85, $"macro accuracy {model.TestMetrics.MacroAccuracy}");
        Assert.Equal([0, 1, 2], model.Classes);
        int predicted = model.Predict(new IrisByPosition { SepalLength = 5.0f, SepalWidth = 3.4f, PetalWidth = 0.2f }).PredictedLabel;
        Assert.Equal(0, predicted);
    }

    [Fact]
    public void PipelineWithoutData_SaysWhereToSetIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => IrisByPositionModel.Train());
        Assert.Contains("'IrisByPositionModel' has no data", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}

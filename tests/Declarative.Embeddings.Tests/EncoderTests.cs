namespace Declarative.Embeddings.Tests;

/// <summary>
/// [Text(Encoder = TextEncoder.MiniLM)] against n-grams on the bundled text sets (each split as declared: 20% held out
/// by seed 1), and what the encoder must keep: the same vector for a text whatever its batch, models that save and load.
/// </summary>
public sealed class EncoderTests
{
    [Fact]
    public void Yelp_MiniLMBeatsNGrams()
    {
        var encoded = YelpMiniLMModel.Train();
        var ngrams = YelpNGramModel.Train();

        Assert.True(encoded.TestMetrics.Accuracy > ngrams.TestMetrics.Accuracy + 0.03,
            $"MiniLM {encoded.TestMetrics.Accuracy:F3} against n-grams {ngrams.TestMetrics.Accuracy:F3}");
    }

    [Fact]
    public void Amazon_MiniLMBeatsNGrams()
    {
        var encoded = AmazonMiniLMModel.Train();
        var ngrams = AmazonNGramModel.Train();

        Assert.True(encoded.TestMetrics.Accuracy > ngrams.TestMetrics.Accuracy + 0.03,
            $"MiniLM {encoded.TestMetrics.Accuracy:F3} against n-grams {ngrams.TestMetrics.Accuracy:F3}");
    }

    [Fact]
    public void WikipediaDetox_MiniLMIsMeasuredAgainstNGrams()
    {
        var encoded = DetoxMiniLMModel.Train();
        var ngrams = DetoxNGramModel.Train();

        // 250 comments (50 held out): too few for a margin to mean much; the AUC of both is recorded, and the encoder must learn.
        Assert.True(encoded.TestMetrics.AreaUnderRocCurve > 0.7, $"MiniLM AUC {encoded.TestMetrics.AreaUnderRocCurve:F3} (n-grams {ngrams.TestMetrics.AreaUnderRocCurve:F3})");
    }

    [Fact]
    public void AVector_IsTheSameAloneAndInABatch_AndUnitLength()
    {
        var texts = new[] { "The food was great.", "Service was slow and the fries were cold.", "" };
        var batch = MiniLMEncoder.Instance.Encode(texts);
        var alone = MiniLMEncoder.Instance.Encode([texts[1]]);

        Assert.Equal(384, batch[0].Length);
        Assert.Equal(alone[0], batch[1]);
        Assert.Equal(1.0, Math.Sqrt(batch[0].Sum(v => (double)v * v)), 4);
        Assert.NotEqual(batch[0], batch[1]);
    }

    [Fact]
    public void Predict_EmbedsTheRow_AndASavedModelPredictsTheSame()
    {
        var model = YelpMiniLMModel.Train();
        var good = model.Predict(new EncodedSentence { Sentence = "Absolutely delicious, the staff were lovely and we will be back." });
        var bad = model.Predict(new EncodedSentence { Sentence = "Terrible. Cold food, rude waiter, never again." });
        Assert.True(good.PredictedLabel);
        Assert.False(bad.PredictedLabel);

        var path = Path.Combine(Path.GetTempPath(), $"declarative-embeddings-{Guid.NewGuid():N}.mlnet");
        try
        {
            model.Save(path);
            var loaded = YelpMiniLMModel.Load(path);
            var row = new EncodedSentence { Sentence = "The pasta was fine but overpriced." };
            Assert.Equal(model.Predict(row).Probability, loaded.Predict(row).Probability, 5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheSchema_NamesTheEncoder_SoANGramModelDoesNotLoadIntoAnEncodedPipeline()
    {
        Assert.Contains(YelpMiniLMModel.Spec.Features, f => f.PropertyName == "Sentence[383]");
        Assert.NotEqual(YelpMiniLMModel.Spec.SchemaHash, YelpNGramModel.Spec.SchemaHash);

        var report = YelpMiniLMModel.Train().Evaluate();
        var profile = Assert.Single(report.Profile.Columns, c => c.Property == "Sentence");
        Assert.Contains("all-MiniLM-L6-v2", profile.Kind, StringComparison.Ordinal);
        Assert.Single(report.FeatureImportance);
    }
}

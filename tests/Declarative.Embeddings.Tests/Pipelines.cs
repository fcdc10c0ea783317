namespace Declarative.Embeddings.Tests;

/// <summary>A review sentence of the UCI sentiment sentences, embedded by MiniLM: text, a tab, 0 or 1.</summary>
public sealed class EncodedSentence
{
    [Text(Encoder = TextEncoder.MiniLM)]
    [Column(Index = 0)]
    public string Sentence { get; set; } = "";

    [Label]
    [Column(Index = 1)]
    public bool Positive { get; set; }
}

/// <summary>The same sentence as n-grams: the baseline.</summary>
public sealed class NGramSentence
{
    [Text]
    [Column(Index = 0)]
    public string Sentence { get; set; } = "";

    [Label]
    [Column(Index = 1)]
    public bool Positive { get; set; }
}

[BinaryClassification<EncodedSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class YelpMiniLMModel;

[BinaryClassification<NGramSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class YelpNGramModel;

[BinaryClassification<EncodedSentence>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class AmazonMiniLMModel;

[BinaryClassification<NGramSentence>(Data = "datasets/sentiment-sentences/amazon_cells_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class AmazonNGramModel;

/// <summary>A Wikipedia talk-page comment, embedded; toxic or not.</summary>
public sealed class EncodedComment
{
    [Label]
    [Column("Sentiment")]
    public bool Toxic { get; set; }

    [Text(Encoder = TextEncoder.MiniLM)]
    [Column("SentimentText")]
    public string Text { get; set; } = "";

    public bool LoggedIn { get; set; }
}

/// <summary>The same comment as n-grams.</summary>
public sealed class NGramComment
{
    [Label]
    [Column("Sentiment")]
    public bool Toxic { get; set; }

    [Text]
    [Column("SentimentText")]
    public string Text { get; set; } = "";

    public bool LoggedIn { get; set; }
}

[BinaryClassification<EncodedComment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
public partial class DetoxMiniLMModel;

[BinaryClassification<NGramComment>(Data = "datasets/wikipedia-detox/wikipedia-detox-250-line-data.tsv", SkipBadRows = true)]
public partial class DetoxNGramModel;

namespace Declarative.Tests.Pipelines;

/// <summary>The row of the bad-input corpus (tests/corpus/data): a label, a number, a category and free text.</summary>
public sealed class CorpusRow
{
    [Label]
    public bool Label { get; set; }

    public float Amount { get; set; }

    public string Kind { get; set; } = "";

    [Text]
    public string Note { get; set; } = "";
}

[BinaryClassification<CorpusRow>]
public partial class CorpusModel;

/// <summary>The same row with quoting off: a quote is an ordinary character.</summary>
[BinaryClassification<CorpusRow>(AllowQuoting = false)]
public partial class UnquotedCorpusModel;

/// <summary>A row read by position from a file without a header.</summary>
public sealed class PositionalRow
{
    [Label]
    [Column(Index = 0)]
    public bool Label { get; set; }

    [Column(Index = 1)]
    public float Amount { get; set; }
}

[BinaryClassification<PositionalRow>(HasHeader = false)]
public partial class PositionalModel;

/// <summary>The corpus row with bad rows skipped (at most 40% of them, so the small corpus files can show it).</summary>
[BinaryClassification<CorpusRow>(SkipBadRows = true, MaxBadRowFraction = 0.4)]
public partial class SkippingCorpusModel;

/// <summary>A review sentence of the UCI sentiment sentences: text, a tab, 0 or 1; quotes in the text are ordinary characters.</summary>
public sealed class ReviewSentence
{
    [Text]
    [Column(Index = 0)]
    public string Sentence { get; set; } = "";

    [Label]
    [Column(Index = 1)]
    public bool Positive { get; set; }
}

[BinaryClassification<ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t', AllowQuoting = false)]
public partial class YelpModel;

/// <summary>The same file read with quoting on, as the default would: it stops at the first stray quote.</summary>
[BinaryClassification<ReviewSentence>(Data = "datasets/sentiment-sentences/yelp_labelled.txt", HasHeader = false, Separator = '\t')]
public partial class QuotedYelpModel;

// Shared with the source generator, which compiles this file too: it stores the value by member, never as a number.
#if !DECLARATIVE_GENERATOR
namespace Declarative;
#else
namespace Declarative.Generators.Shared;
#endif

/// <summary>How a data file is written.</summary>
public enum DataFormat
{
    /// <summary>Delimited text (CSV, TSV, ...), with or without a header.</summary>
    Delimited = 0,

    /// <summary>
    /// SVMlight / LETOR: a line is <c>label [qid:N] index:value ... [# comment]</c> with 1-based feature indices; an
    /// absent feature is 0. The row has a <c>[Label]</c>, a <c>[GroupId]</c> (from <c>qid:</c>, or from a LightGBM
    /// <c>&lt;file&gt;.query</c> file of group sizes beside the data) and one <c>[Columns(Count = n)]</c> array: feature
    /// i is element i - 1.
    /// </summary>
    SvmLight = 1,
}

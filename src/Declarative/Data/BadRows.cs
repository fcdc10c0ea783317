using System.Globalization;
using Declarative.Schema;

namespace Declarative.Data;

/// <summary>A row skipped as bad: where it was and why.</summary>
internal sealed record BadRow(int? Line, int? Column, string Detail);

/// <summary>
/// The bad-row policy of a load. By default the first bad value is an error. With <c>SkipBadRows</c>, bad rows are
/// counted (the first ten kept, to be listed) and the load fails only when more than <c>MaxBadRowFraction</c> of the
/// rows are bad: a file that is mostly wrong is still an error, not a quiet model on what is left.
/// </summary>
internal sealed class BadRows(bool skip)
{
    public const int SampleLimit = 10;

    private readonly List<BadRow> _samples = [];
    private DataFileException? _first;

    public int Count { get; private set; }

    public IReadOnlyList<BadRow> Samples => _samples;

    /// <summary>
    /// Whether to skip the row that raised <paramref name="error"/>; counts it when so. A row is listed at the line
    /// where it begins (<paramref name="recordLine"/>), which differs from the error's when a quote spanned lines.
    /// </summary>
    public bool Skip(DataFileException error, int? recordLine = null)
    {
        if (!skip)
        {
            return false;
        }

        _first ??= error;
        Count++;
        if (_samples.Count < SampleLimit)
        {
            _samples.Add(recordLine is { } start && start != error.Line
                ? new BadRow(start, null, string.Create(CultureInfo.InvariantCulture, $"{error.Detail} (at line {error.Line})"))
                : new BadRow(error.Line, error.Column, error.Detail));
        }

        return true;
    }

    /// <summary>Fails when the bad rows are more than the declared share of all rows read.</summary>
    public void Check<TRow>(PipelineSpec<TRow> spec, int goodRows, string path)
    {
        var total = goodRows + Count;
        if (_first is null || Count <= spec.MaxBadRowFraction * total)
        {
            return;
        }

        throw new DataFileException(path, _first.Line, _first.Column, string.Create(CultureInfo.InvariantCulture,
            $"{_first.Detail} And {Count:N0} of {total:N0} rows are bad ({100.0 * Count / total:F1}%), more than MaxBadRowFraction = {spec.MaxBadRowFraction:R} allows; fix the file or raise the fraction."));
    }
}

using System.Text;

namespace Declarative.Data;

/// <summary>One field of a record, with where it starts so that errors can point at it.</summary>
internal readonly record struct Field(string Value, int Line, int Column);

/// <summary>
/// Splits a delimited text file into records: RFC 4180 quoting (a quoted field may hold separators, doubled quotes
/// and line breaks), blank lines and <c>//</c> comment lines skipped, spaces around unquoted fields trimmed. Quoting is
/// strict, so a stray quote cannot swallow the lines after it unseen: a quote inside an unquoted field, or text after
/// a closing quote, is an error at its place. With quoting off, a quote is an ordinary character. A space as the
/// separator is a run of spaces (R's <c>write.table</c>, columns aligned by padding), so no field is empty there.
/// </summary>
internal sealed class DelimitedRecordReader
{
    private const string CommentPrefix = "//";
    private static readonly char[] CandidateSeparators = ['\t', ',', ';', '|'];

    private readonly TextReader _reader;
    private readonly string _path;
    private int _lineNumber;

    private readonly bool _allowQuoting;

    /// <summary>Lines read past a record's first while a quote was open: given back by <see cref="Resync"/> when the record is skipped.</summary>
    private readonly List<string> _continuation = [];
    private readonly Queue<string> _replay = new();

    /// <summary>A quoted field may span at most this many lines: it bounds what a quote opened by mistake can hold.</summary>
    internal const int MaxLinesPerField = 10_000;

    /// <summary>Lines at the top still to pass over unread (notes above the table), whatever they hold.</summary>
    private int _linesToSkip;

    public DelimitedRecordReader(TextReader reader, string path, char separator, bool allowQuoting = true, int skipLines = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skipLines);
        _reader = reader;
        _path = path;
        _allowQuoting = allowQuoting;
        Separator = separator;
        _linesToSkip = skipLines;
    }

    /// <summary>How many quoted fields spanned more than one line: legal, but worth a word in the report.</summary>
    public int MultilineFields { get; private set; }

    /// <summary>The line where the first quoted field that spans lines starts, or 0.</summary>
    public int FirstMultilineFieldLine { get; private set; }

    /// <summary>The separator; <c>'\0'</c> until it is detected from the first record.</summary>
    public char Separator { get; private set; }

    /// <summary>The line where the record read last (or failing now) begins.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record, or returns false at the end of the file.</summary>
    public bool TryRead(List<Field> fields)
    {
        fields.Clear();
        _continuation.Clear();
        for (; _linesToSkip > 0; _linesToSkip--)
        {
            if (NextLine() is null)
            {
                _linesToSkip = 0;
                return false;
            }
        }

        string? line;
        do
        {
            line = NextLine();
            if (line is null)
            {
                return false;
            }
        }
        while (IsSkipped(line));

        RecordLine = _lineNumber;

        if (line.IndexOf('\0') is var nul and >= 0)
        {
            throw new DataFileException(_path, _lineNumber, nul + 1,
                "A NUL character: this is not a text file, or it is UTF-16 (save it as UTF-8).");
        }

        if (Separator == '\0')
        {
            Separator = Detect(line, _allowQuoting);
            if (Separator == '\0')
            {
                Separator = SpacedAlike(line, PeekRecordLine()) ? ' ' : ',';
            }
        }

        Split(line, fields);
        return true;
    }

    /// <summary>
    /// After an error in a record that is to be skipped: the lines its open quote swallowed are read again as records
    /// of their own, so skipping a broken record loses that record and nothing after it.
    /// </summary>
    public void Resync()
    {
        var rest = _replay.ToList();
        _replay.Clear();
        foreach (var line in _continuation.Concat(rest))
        {
            _replay.Enqueue(line);
        }

        _lineNumber -= _continuation.Count;
        _continuation.Clear();
    }

    private string? NextLine()
    {
        var line = _replay.Count > 0 ? _replay.Dequeue() : _reader.ReadLine();
        if (line is not null)
        {
            _lineNumber++;
        }

        return line;
    }

    private static bool IsSkipped(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed.StartsWith(CommentPrefix, StringComparison.Ordinal);
    }

    /// <summary>The candidate that occurs most often outside quotes (ties go to the earlier candidate), or <c>'\0'</c> for none.</summary>
    private static char Detect(string line, bool allowQuoting)
    {
        Span<int> counts = stackalloc int[CandidateSeparators.Length];
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"' && allowQuoting)
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(CandidateSeparators, c) is var i and >= 0)
            {
                counts[i]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] > 0 ? CandidateSeparators[best] : '\0';
    }

    /// <summary>
    /// With no other separator on the first line: spaces separate the fields when it and the next record's line
    /// split at runs of spaces into the same number of fields, two or more (a one-column file's header may hold a space).
    /// </summary>
    private bool SpacedAlike(string first, string? second) =>
        second is not null && SpacedFields(first) is var count and >= 2 && SpacedFields(second) == count;

    /// <summary>How many fields a line splits into at runs of spaces outside quotes.</summary>
    private int SpacedFields(string line)
    {
        var (count, inField, quoted) = (0, false, false);
        foreach (var c in line)
        {
            if (c == '"' && _allowQuoting)
            {
                quoted = !quoted;
            }

            if (c == ' ' && !quoted)
            {
                inField = false;
            }
            else if (!inField)
            {
                (inField, count) = (true, count + 1);
            }
        }

        return count;
    }

    /// <summary>
    /// The line the next record starts on, read ahead and given back (it and the lines skipped before it); null at the
    /// end, or past <see cref="MaxLinesPerField"/> skipped lines, so a file of blank lines cannot fill memory here.
    /// </summary>
    private string? PeekRecordLine()
    {
        var read = new List<string>();
        string? line;
        while ((line = NextLine()) is not null)
        {
            read.Add(line);
            if (!IsSkipped(line))
            {
                break;
            }

            if (read.Count > MaxLinesPerField)
            {
                line = null;
                break;
            }
        }

        var rest = _replay.ToList();
        _replay.Clear();
        foreach (var back in read.Concat(rest))
        {
            _replay.Enqueue(back);
        }

        _lineNumber -= read.Count;
        return line;
    }

    private void Split(string line, List<Field> fields)
    {
        // Spaces as the separator: a run of them is one, and the ones ending the line separate nothing.
        line = Separator == ' ' ? line.TrimEnd(' ') : line;
        var position = 0;
        while (true)
        {
            var start = position;
            while (position < line.Length && line[position] == ' ')
            {
                position++;
            }

            if (_allowQuoting && position < line.Length && line[position] == '"')
            {
                var fieldLine = _lineNumber;
                var value = ReadQuoted(ref line, ref position);
                fields.Add(new Field(value, fieldLine, start + 1));
            }
            else
            {
                var end = line.IndexOf(Separator, position);
                if (end < 0)
                {
                    end = line.Length;
                }

                if (_allowQuoting && line.IndexOf('"', position, end - position) is var quote and >= 0)
                {
                    throw new DataFileException(_path, _lineNumber, quote + 1,
                        "A quote inside an unquoted field. A field that holds quotes is quoted whole, with its quotes doubled " +
                        "(\"say \"\"hi\"\"\"); if quotes in this file are ordinary characters, set AllowQuoting = false on the pipeline's attribute.");
                }

                fields.Add(new Field(line[position..end].TrimEnd(' '), _lineNumber, position + 1));
                position = end;
            }

            if (position >= line.Length)
            {
                return;
            }

            // Past the separator; a run of spaces is passed at the next field's start.
            position += Separator == ' ' ? 0 : 1;
        }
    }

    /// <summary>Reads a quoted field starting at the opening quote; reads further lines while the quote is open.</summary>
    private string ReadQuoted(ref string line, ref int position)
    {
        var value = new StringBuilder();
        var openedAt = _lineNumber;
        position++; // past the opening quote
        while (true)
        {
            if (position >= line.Length)
            {
                var next = NextLine() ?? throw new DataFileException(_path, openedAt, null, "A quoted field opened here is not closed before the end of the file. If quotes in this file are ordinary characters, set AllowQuoting = false on the pipeline's attribute.");
                _continuation.Add(next);
                if (_continuation.Count > MaxLinesPerField)
                {
                    throw new DataFileException(_path, openedAt, null, $"A quoted field opened here spans more than {MaxLinesPerField:N0} lines: a quote is likely not closed. If quotes in this file are ordinary characters, set AllowQuoting = false on the pipeline's attribute.");
                }

                value.Append('\n');
                line = next;
                position = 0;
                continue;
            }

            var c = line[position++];
            if (c != '"')
            {
                value.Append(c);
            }
            else if (position < line.Length && line[position] == '"')
            {
                value.Append('"');
                position++;
            }
            else
            {
                break;
            }
        }

        // Only spaces may follow the closing quote before the separator or the line end.
        var after = position;
        while (after < line.Length && line[after] == ' ')
        {
            after++;
        }

        if (after < line.Length && (Separator == ' ' ? after == position : line[after] != Separator))
        {
            throw new DataFileException(_path, _lineNumber, after + 1,
                $"Text after the closing quote of a field that opened at line {openedAt}: a quoted field ends at a separator or the line's end. " +
                "If quotes in this file are ordinary characters, set AllowQuoting = false on the pipeline's attribute.");
        }

        if (_lineNumber != openedAt)
        {
            MultilineFields++;
            FirstMultilineFieldLine = FirstMultilineFieldLine == 0 ? openedAt : FirstMultilineFieldLine;
        }

        position = after;
        return value.ToString();
    }
}

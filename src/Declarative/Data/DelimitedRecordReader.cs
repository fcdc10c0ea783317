using System.Text;

namespace Declarative.Data;

/// <summary>One field of a record, with where it starts so that errors can point at it.</summary>
internal readonly record struct Field(string Value, int Line, int Column);

/// <summary>
/// Splits a delimited text file into records: RFC 4180 quoting (a quoted field may hold separators, doubled quotes
/// and line breaks), blank lines and <c>//</c> comment lines skipped, spaces around unquoted fields trimmed.
/// </summary>
internal sealed class DelimitedRecordReader
{
    private const string CommentPrefix = "//";
    private static readonly char[] CandidateSeparators = ['\t', ',', ';', '|'];

    private readonly TextReader _reader;
    private readonly string _path;
    private int _lineNumber;

    public DelimitedRecordReader(TextReader reader, string path, char separator)
    {
        _reader = reader;
        _path = path;
        Separator = separator;
    }

    /// <summary>The separator; <c>'\0'</c> until it is detected from the first record.</summary>
    public char Separator { get; private set; }

    /// <summary>Reads the next record, or returns false at the end of the file.</summary>
    public bool TryRead(List<Field> fields)
    {
        fields.Clear();
        string? line;
        do
        {
            line = _reader.ReadLine();
            _lineNumber++;
            if (line is null)
            {
                return false;
            }
        }
        while (IsSkipped(line));

        if (Separator == '\0')
        {
            Separator = Detect(line);
        }

        Split(line, fields);
        return true;
    }

    private static bool IsSkipped(string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed.StartsWith(CommentPrefix, StringComparison.Ordinal);
    }

    /// <summary>The candidate that occurs most often outside quotes; ties go to the earlier candidate.</summary>
    private static char Detect(string line)
    {
        Span<int> counts = stackalloc int[CandidateSeparators.Length];
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
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

        return counts[best] > 0 ? CandidateSeparators[best] : ',';
    }

    private void Split(string line, List<Field> fields)
    {
        var position = 0;
        while (true)
        {
            var start = position;
            while (position < line.Length && line[position] == ' ')
            {
                position++;
            }

            if (position < line.Length && line[position] == '"')
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

                fields.Add(new Field(line[position..end].TrimEnd(' '), _lineNumber, position + 1));
                position = end;
            }

            if (position >= line.Length)
            {
                return;
            }

            position++; // past the separator
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
                var next = _reader.ReadLine() ?? throw new DataFileException(_path, openedAt, null, "A quoted field is not closed before the end of the file.");
                _lineNumber++;
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

        // Text after the closing quote belongs to the field as written (lenient, as spreadsheet programs are).
        var end = line.IndexOf(Separator, position);
        if (end < 0)
        {
            end = line.Length;
        }

        value.Append(line.AsSpan(position, end - position).TrimEnd(' '));
        position = end;
        return value.ToString();
    }
}

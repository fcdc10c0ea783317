using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Declarative.Data;

/// <summary>Finds the first bytes of a file that are not UTF-8, as a line and a character column, reading in blocks.</summary>
internal static class InvalidUtf8
{
    public static (int? Line, int? Column) Locate(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var line = 1;
        var column = 1;
        var carried = 0;
        int read;
        while ((read = file.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
        {
            var length = carried + read;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: read == 0);
            foreach (var c in chars.AsSpan(0, charsWritten))
            {
                (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
            }

            if (status == OperationStatus.InvalidData)
            {
                return (line, column);
            }

            // A sequence cut by the block's end is carried into the next block.
            carried = length - bytesRead;
            buffer.AsSpan(bytesRead, carried).CopyTo(buffer);
            if (read == 0)
            {
                break;
            }
        }

        return (null, null);
    }
}

using System;
using System.Text;

namespace Declarative.Generators.Helpers
{
    /// <summary>
    /// Writes indented C# source; blocks open and close in pairs so the emitter reads like the code it writes. It
    /// guards itself: indentation never goes below zero, every block is closed when the text is taken, and a
    /// multi-line string is re-indented line by line.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new();
        private int _indent;

        /// <summary>Writes text at the current indentation; each line of a multi-line text is indented alike.</summary>
        public SourceWriter WriteLine(string text = "")
        {
            var start = 0;
            while (true)
            {
                var end = text.IndexOf('\n', start);
                var line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
                WriteOneLine(line.TrimEnd('\r'));
                if (end < 0)
                {
                    return this;
                }

                start = end + 1;
            }
        }

        public SourceWriter OpenBlock(string? header = null)
        {
            if (header is not null)
            {
                WriteLine(header);
            }

            WriteLine("{");
            return Indent();
        }

        public SourceWriter CloseBlock(string suffix = "")
        {
            Unindent();
            return WriteLine("}" + suffix);
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Unindent()
        {
            if (_indent == 0)
            {
                throw new InvalidOperationException("The source writer was unindented below zero: a block was closed twice.");
            }

            _indent--;
            return this;
        }

        /// <summary>The source written; every block must be closed.</summary>
        public override string ToString() =>
            _indent == 0
                ? _builder.ToString()
                : throw new InvalidOperationException($"The source writer still has {_indent} open block(s).");

        private void WriteOneLine(string line)
        {
            if (line.Length > 0)
            {
                for (var i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }
    }
}

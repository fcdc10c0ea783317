using System.Text;

namespace Declarative.Generators.Helpers
{
    /// <summary>Writes indented C# source; blocks open and close in pairs so the emitter reads like the code it writes.</summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new();
        private int _indent;

        public SourceWriter WriteLine(string line = "")
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
            return this;
        }

        public SourceWriter OpenBlock(string? header = null)
        {
            if (header is not null)
            {
                WriteLine(header);
            }

            WriteLine("{");
            _indent++;
            return this;
        }

        public SourceWriter CloseBlock(string suffix = "")
        {
            _indent--;
            return WriteLine("}" + suffix);
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Unindent()
        {
            _indent--;
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
